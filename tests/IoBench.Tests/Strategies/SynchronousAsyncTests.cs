using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Strategies;

/// <summary>
/// Grounds <see cref="Strategy.OverlapsOnlyPendingCalls"/> (and so the cell plan) in what the strategies do with an
/// async call that completes synchronously, as Microsoft.Data.Sqlite's do.
/// </summary>
public sealed class SynchronousAsyncTests
{
    public static TheoryData<StrategyKind, int> AsyncStrategies()
    {
        var data = new TheoryData<StrategyKind, int>();
        foreach (var kind in Strategy.All.Where(Strategy.OverlapsOnlyPendingCalls))
        {
            data.Add(kind, 0);
            if (Strategy.UsesLimit(kind))
            {
                data.Add(kind, 5);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AsyncStrategies))]
    public async Task RunAsync_CallsCompleteSynchronously_OneAtATimeWhereOnlyPendingCallsOverlap(StrategyKind kind, int limit)
    {
        // Only this direction is deterministic: how far Channel and SyncOverAsync overlap depends on free pool threads
        // (measured alone: 40 x 20 ms under Channel took 287 ms against 810 ms for Task).
        var workload = new SynchronousWorkload(TimeSpan.FromMilliseconds(20));

        await Strategy.Create(kind, limit).RunAsync(workload, 20, CancellationToken.None);

        Assert.Equal(1, workload.MaxInFlight);
    }

    [Fact]
    public async Task RunAsync_ParallelForEachAsyncOverSynchronousCalls_OverlapsThemOnPoolThreadsUpToTheCores()
    {
        // Its workers are pool work items, each queuing the next before its call: a call that completes synchronously holds
        // its worker's pool thread, and the next worker runs on another one (hence ParallelForEachAsyncUnbounded over
        // SQLite depends on the pool's history, PoolRegime). The default degree still caps them at the cores.
        var workload = new SynchronousWorkload(TimeSpan.FromMilliseconds(50));
        var cores = Environment.ProcessorCount;

        await Strategy.Create(StrategyKind.ParallelForEachAsync).RunAsync(workload, 20, CancellationToken.None);

        Assert.InRange(workload.MaxInFlight, Math.Min(2, cores), cores);
    }

    /// <summary>An "async" call that blocks and returns a completed task, like SqliteCommand.ExecuteScalarAsync.</summary>
    private sealed class SynchronousWorkload(TimeSpan latency) : IWorkload
    {
        private int _inFlight;
        private int _maxInFlight;

        public string Name => "Synchronous";

        public TimeSpan Latency { get; } = latency;

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public Task SetupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Run(CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int peak;
            while (now > (peak = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, peak) != peak)
            {
            }

            Thread.Sleep(Latency);
            Interlocked.Decrement(ref _inFlight);
        }

        public ValueTask RunAsync(CancellationToken cancellationToken)
        {
            Run(cancellationToken);
            return default;
        }

        public ValueTask DisposeAsync() => default;
    }
}
