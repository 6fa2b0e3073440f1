using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;
using Npgsql;

namespace IoBench.Tests.Workloads;

/// <summary>The pool bounds concurrency: N > P operations queue for a connection and run in waves, ceil(N/P) x L.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPoolTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);

    [PostgresFact]
    public async Task Batch_MoreOperationsThanPool_QueuesAndCompletesInWaves()
    {
        const int pool = 5, count = 20;
        var workload = new ProbedWorkload(new PostgresSleepWorkload(PostgresTestServer.Database(pool), Latency, warmConnections: pool));
        await using var _ = workload;
        await workload.SetupAsync(CancellationToken.None);

        await TimeBatchAsync(StrategyKind.Task, workload, pool); // warm up: run first in a process, the cold batch took 1.3-1.4 s
        var elapsed = await TimeBatchAsync(StrategyKind.Task, workload, count);

        // 4 waves of 100 ms: at least 0.9 x that (all 20 at once would take 100 ms), and under 0.9 x N x L, the 2 s of
        // one operation at a time (2.5 x the waves, 1.0 s, was measured at 1.04 s on a machine at load average 12).
        var waves = Bounds.Limited(count, pool, Latency);
        Assert.InRange(elapsed, waves * 0.9, Bounds.Sequential(count, Latency) * 0.9);
    }

    [PostgresFact]
    public async Task Batch_PoolAsLargeAsN_OverlapsEveryOperation()
    {
        const int count = 20;
        var workload = new ProbedWorkload(new PostgresSleepWorkload(PostgresTestServer.Database(count), Latency, warmConnections: count));
        await using var _ = workload;
        await workload.SetupAsync(CancellationToken.None);

        await TimeBatchAsync(StrategyKind.Task, workload, count); // warm up (JIT, first use of the driver's async path)
        var elapsed = await TimeBatchAsync(StrategyKind.Task, workload, count);

        Assert.InRange(elapsed, Latency * 0.9, Bounds.Limited(count, 5, Latency) * 0.75); // well under the 4 waves of a pool of 5
    }

    [PostgresFact]
    public async Task Batch_PoolTimeoutShorterThanWait_FailsWithPoolExhaustedAtTheTimeout()
    {
        // Two connections busy for 5 s each; the third operation may wait for one only 1 s (Npgsql's Timeout).
        var sleep = TimeSpan.FromSeconds(5);
        var clock = new FirstFailureClock(new PostgresSleepWorkload(PostgresTestServer.Database(poolSize: 2, extra: "Timeout=1"), sleep, warmConnections: 2));
        var workload = new ProbedWorkload(clock);
        await using var _ = workload;
        await workload.SetupAsync(CancellationToken.None);
        clock.Start();

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(
            () => BatchRunner.RunAsync(Strategy.Create(StrategyKind.Task), workload, 10, TimeSpan.FromSeconds(60)));

        Assert.Contains("connection pool has been exhausted", error.Message, StringComparison.Ordinal);

        // The waiting operations failed at the pool's timeout, not after the sleeps. (The batch itself now ends when
        // the two sleeps end: a failure no longer cancels the other operations, so that each is exactly the call.)
        Assert.InRange(clock.FirstFailure ?? TimeSpan.MaxValue, TimeSpan.FromSeconds(0.9), sleep * 0.8);
    }

    /// <summary>Passes every call through and notes when the first one failed, counted from <see cref="Start"/>.</summary>
    private sealed class FirstFailureClock(IWorkload inner) : IWorkload
    {
        private long _started;
        private long _firstFailure;

        public string Name => inner.Name;

        public TimeSpan Latency => inner.Latency;

        public TimeSpan? FirstFailure => Interlocked.Read(ref _firstFailure) is var at and not 0 ? Stopwatch.GetElapsedTime(_started, at) : null;

        public void Start() => _started = Stopwatch.GetTimestamp();

        public Task SetupAsync(CancellationToken cancellationToken) => inner.SetupAsync(cancellationToken);

        public void Run(CancellationToken cancellationToken) => inner.Run(cancellationToken);

        public async ValueTask RunAsync(CancellationToken cancellationToken)
        {
            try
            {
                await inner.RunAsync(cancellationToken);
            }
            catch
            {
                Interlocked.CompareExchange(ref _firstFailure, Stopwatch.GetTimestamp(), 0);
                throw;
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    [PostgresFact]
    public async Task Batch_BothForms_ReturnEveryConnectionToThePool()
    {
        const int pool = 4;
        var name = PostgresTestServer.UniqueApplicationName();
        var workload = new ProbedWorkload(new PostgresSleepWorkload(PostgresTestServer.Database(pool, name), TimeSpan.FromMilliseconds(20), warmConnections: pool));
        await using var _ = workload;
        await workload.SetupAsync(CancellationToken.None);

        foreach (var kind in new[] { StrategyKind.Task, StrategyKind.Thread, StrategyKind.TaskRun, StrategyKind.Bounded })
        {
            await TimeBatchAsync(kind, workload, 12);

            // The pool's idle size: every connection it opened is back, idle, and no more were opened.
            var (all, idle) = await PostgresTestServer.CountConnectionsAsync(name);
            Assert.Equal((pool, pool), (all, idle));
        }
    }

    private static async Task<TimeSpan> TimeBatchAsync(StrategyKind kind, ProbedWorkload workload, int count)
    {
        var started = Stopwatch.GetTimestamp();
        await BatchRunner.RunAsync(Strategy.Create(kind, limit: kind == StrategyKind.Bounded ? 3 : 0), workload, count, TimeSpan.FromSeconds(60));
        return Stopwatch.GetElapsedTime(started);
    }
}
