using System.Diagnostics;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

/// <summary>
/// What every Postgres workload promises, written once: both forms complete with checked results, agree with each
/// other, and leave the pool's connections idle, not leaked.
/// </summary>
[Collection(PostgresCollection.Name)]
public abstract class PostgresWorkloadContract
{
    protected const int Operations = 5;

    /// <summary>A fresh workload on <paramref name="database"/>, not yet set up.</summary>
    private protected abstract IWorkload Create(PostgresDatabase database);

    /// <summary>What the two forms must agree on after <see cref="Operations"/> calls each; by default that both completed.</summary>
    private protected virtual Task AssertAgreeAsync(IWorkload workload, TimeSpan blocking, TimeSpan async) => Task.CompletedTask;

    [PostgresFact]
    public async Task Run_BlockingForm_CompletesWithCheckedResults()
    {
        await using var workload = Create(PostgresTestServer.Database(poolSize: 2));
        await workload.SetupAsync(CancellationToken.None);
        for (var i = 0; i < Operations; i++)
        {
            workload.Run(CancellationToken.None);
        }
    }

    [PostgresFact]
    public async Task RunAsync_AsyncForm_CompletesWithCheckedResults()
    {
        await using var workload = Create(PostgresTestServer.Database(poolSize: 2));
        await workload.SetupAsync(CancellationToken.None);
        for (var i = 0; i < Operations; i++)
        {
            await workload.RunAsync(CancellationToken.None);
        }
    }

    [PostgresFact]
    public async Task BothForms_SameOperations_Agree()
    {
        await using var workload = Create(PostgresTestServer.Database(poolSize: 2));
        await workload.SetupAsync(CancellationToken.None);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Operations; i++)
        {
            workload.Run(CancellationToken.None);
        }

        var blocking = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Operations; i++)
        {
            await workload.RunAsync(CancellationToken.None);
        }

        await AssertAgreeAsync(workload, blocking, Stopwatch.GetElapsedTime(started));
    }

    [PostgresFact]
    public async Task DisposeAsync_AfterOperations_ClosesEveryConnection()
    {
        var name = PostgresTestServer.UniqueApplicationName();
        var database = PostgresTestServer.Database(poolSize: 3, name);
        var workload = Create(database);
        await workload.SetupAsync(CancellationToken.None);
        // The pool's three connections opened together: six quick operations (a primary-key lookup, 0.1 ms) do not always
        // hold three at once on a busy machine, and the count would then read 2 with nothing leaked.
        await database.WarmAsync(3, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => workload.RunAsync(CancellationToken.None).AsTask()));
        Assert.Equal(3, (await PostgresTestServer.CountConnectionsAsync(name)).All);

        await workload.DisposeAsync();

        Assert.Equal(0, (await PostgresTestServer.WaitForConnectionsAsync(name, 0, TimeSpan.FromSeconds(5))).All);
    }
}
