using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Strategies;

/// <summary>
/// What the three Parallel strategies do beyond the contract: Parallel.ForEachAsync's default degree of parallelism (the
/// processor count, however long the calls wait), the unbounded variant's N calls in flight, Parallel.ForEach's calls on
/// the calling thread and the pool's.
/// </summary>
public sealed class ParallelStrategyTests
{
    [Fact]
    public async Task ParallelForEachAsync_WaitingCalls_KeepsTheProcessorCountInFlightAndNoMore()
    {
        var cores = Environment.ProcessorCount;
        var workload = new CountingWorkload(TimeSpan.FromMilliseconds(50));

        // Four waves: the loop's workers queue one another through the pool, and each reaches its first call within the first.
        await Strategy.Create(StrategyKind.ParallelForEachAsync).RunAsync(workload, 4 * cores, CancellationToken.None);

        Assert.Equal(cores, workload.MaxInFlight);
        Assert.Equal(4 * cores, workload.Completed);
        Assert.Equal(cores, Strategy.Create(StrategyKind.ParallelForEachAsync).Limit);
    }

    [Fact]
    public async Task ParallelForEachAsync_SleepInWavesOfTheCores_TakesAtLeastCeilNOverCoresLatencies()
    {
        // The trap in time: Task.Delay calls that could all overlap (max(L), 50 ms) run five waves of the cores. Each worker
        // makes its five calls one after another, and a timer ends at most a few ms early here, so L - 15 ms a wave is a
        // floor no overlapped batch comes near.
        var latency = TimeSpan.FromMilliseconds(50);
        var cores = Environment.ProcessorCount;
        var started = Stopwatch.GetTimestamp();

        await Strategy.Create(StrategyKind.ParallelForEachAsync).RunAsync(new SleepWorkload(latency), 5 * cores, CancellationToken.None);

        Assert.True(Stopwatch.GetElapsedTime(started) >= 5 * (latency - TimeSpan.FromMilliseconds(15)), $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        Assert.Equal(5 * latency, Bounds.AtBest(StrategyKind.ParallelForEachAsync, 5 * cores, 0, cores, latency));
    }

    [Fact]
    public async Task ParallelForEachAsyncUnbounded_WaitingCalls_HasEveryCallInFlight()
    {
        // Calls long enough that the chain of 50 workers queued through the pool has started them all before the first ends.
        var workload = new CountingWorkload(TimeSpan.FromMilliseconds(500));

        await Strategy.Create(StrategyKind.ParallelForEachAsyncUnbounded).RunAsync(workload, 50, CancellationToken.None);

        Assert.Equal(50, workload.MaxInFlight);
        Assert.Equal(0, Strategy.Create(StrategyKind.ParallelForEachAsyncUnbounded).Limit);
    }
}

/// <summary>Parallel.ForEach's blocking calls: on the calling thread and on pool threads (they hold them, hence the collection).</summary>
[Collection(PoolStarvingCollection.Name)]
public sealed class ParallelForEachTests
{
    [Fact]
    public async Task ParallelForEach_BlockingCalls_RunOnTheCallingThreadAndOnPoolThreads()
    {
        var workload = new ProbedWorkload(new CountingWorkload(TimeSpan.FromMilliseconds(30)));
        var caller = Environment.CurrentManagedThreadId;

        var batch = Strategy.Create(StrategyKind.ParallelForEach).RunAsync(workload, 10, CancellationToken.None);

        // Parallel.ForEach blocks its caller until the loop ends: the batch is over when RunAsync returns.
        Assert.True(batch.IsCompletedSuccessfully);
        await batch;
        var counting = (CountingWorkload)workload.Inner;
        Assert.Contains(caller, counting.Threads.Keys);
        Assert.True(counting.PoolThreadSteps > 0, "no call ran on a pool thread");
        Assert.Equal((10L, 0L), (workload.BlockingCalls, workload.AsyncCalls));
    }

    [Fact]
    public async Task ParallelForEach_CancelledWhileOneFailed_PropagatesTheFailureNotTheCancellation()
    {
        // Parallel.ForEach throws an AggregateException of every failure, cancellations with them; the real one propagates.
        var workload = new CountingWorkload(TimeSpan.FromSeconds(30)) { FailOn = 1 };
        using var cancel = new CancellationTokenSource();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(200);
            cancel.Cancel();
        });
        canceller.Start();

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => Strategy.Create(StrategyKind.ParallelForEach).RunAsync(workload, 4, cancel.Token));
        canceller.Join();

        Assert.Same(workload.Failure, thrown);
    }
}
