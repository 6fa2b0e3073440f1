using System.Collections.Concurrent;
using IoBench.Benchmarks;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Benchmarks;

/// <summary>
/// A cold process's first timed batch meets threads already running: the deadline watchdog's and the event loop's start
/// in setup, before the clock (issue 19: they started inside the batch, 0.1 to 0.3 ms, about 1% of FileWrite's cold cells).
/// </summary>
public sealed class ColdThreadsTests
{
    [Theory]
    [InlineData(StrategyKind.EventLoop)]
    [InlineData(StrategyKind.EventLoopBlocking)]
    public async Task ColdSetup_FirstBatch_StartsNoWatchdogOrEventLoopThread(StrategyKind strategy)
    {
        // Catches a setup that leaves either thread to the first batch: the watchdog is not running when the batch starts,
        // or the event loop's thread reports its start while the batch runs.
        DeadlineWatchdog.StopForTests(); // as in a fresh process: no watchdog yet
        var family = new SleepBenchmarks { Strategy = strategy, N = 5, K = default, RegimeOverride = PoolRegime.Cold };
        var started = new ConcurrentQueue<Thread>();
        family.Setup();
        try
        {
            var watchdog = DeadlineWatchdog.WatchThread;
            ThreadCensus.DedicatedThreadObserver = started.Enqueue;
            family.BeginBatch();
            await family.Batch();
            family.MeasureBatchEnd();

            Assert.NotNull(watchdog);
            Assert.True(watchdog.IsAlive);
            Assert.Same(watchdog, DeadlineWatchdog.WatchThread);
            Assert.Empty(started);
        }
        finally
        {
            ThreadCensus.DedicatedThreadObserver = null;
            family.Cleanup();
        }
    }
}
