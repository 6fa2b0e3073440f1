using System.Diagnostics;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

public sealed class PostgresSleepWorkloadTests : PostgresWorkloadContract
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(30);

    private protected override IWorkload Create(PostgresDatabase database) => new PostgresSleepWorkload(database, Latency, warmConnections: 2);

    // Both forms wait on the server for L each time: neither may come back early, and neither may take much longer.
    private protected override Task AssertAgreeAsync(IWorkload workload, TimeSpan blocking, TimeSpan async)
    {
        var floor = Latency * Operations * 0.9;
        Assert.InRange(blocking, floor, floor * 4);
        Assert.InRange(async, floor, floor * 4);
        return Task.CompletedTask;
    }

    [PostgresFact]
    public async Task Run_DeadlineDuringBlockingSleep_CancelsOnTheServer()
    {
        await using var workload = new PostgresSleepWorkload(PostgresTestServer.Database(poolSize: 1), TimeSpan.FromSeconds(10), warmConnections: 1);
        await workload.SetupAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = Stopwatch.GetTimestamp();

        Assert.ThrowsAny<Exception>(() => workload.Run(deadline.Token));

        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(5)); // not the 10 s sleep
    }
}
