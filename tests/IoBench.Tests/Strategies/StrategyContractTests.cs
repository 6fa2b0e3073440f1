using System.Collections.Concurrent;
using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Strategies;

/// <summary>The contract every strategy keeps, written once; each strategy has a sealed subclass below.</summary>
public abstract class StrategyContractTests : IDisposable
{
    private readonly List<IStrategy> _created = [];

    protected static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    protected abstract StrategyKind Kind { get; }

    /// <summary>K given to Channel and Bounded in these tests.</summary>
    protected virtual int Limit => 0;

    /// <summary>The range the peak number of operations in flight must fall in, for a batch of <paramref name="count"/>.</summary>
    protected abstract (int Min, int Max) ExpectedInFlight(int count);

    /// <summary>
    /// The range the number of distinct threads that started or resumed the operations of a batch of
    /// <paramref name="count"/> must fall in; null where the pool decides it.
    /// </summary>
    protected virtual (int Min, int Max)? ExpectedThreads(int count) => null;

    /// <summary>False for the strategies that run every operation on threads of their own, never on the pool.</summary>
    protected virtual bool UsesPoolThreads => true;

    /// <summary>The fewest dedicated threads (beyond those alive before the batch) its operations must see.</summary>
    protected virtual int ExpectedDedicatedThreads(int count) => 0;

    /// <summary>Ends what the strategies of a test own (the event loop's thread).</summary>
    public void Dispose()
    {
        foreach (var strategy in _created)
        {
            (strategy as IDisposable)?.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private protected IStrategy Create()
    {
        var strategy = Strategy.Create(Kind, Limit);
        _created.Add(strategy);
        return strategy;
    }

    [Fact]
    public async Task RunAsync_Batch_RunsExactlyNOperations()
    {
        var workload = new CountingWorkload(Latency);
        await Create().RunAsync(workload, 25, CancellationToken.None);
        Assert.Equal(25, workload.Started);
        Assert.Equal(25, workload.Completed);
    }

    [Fact]
    public async Task RunAsync_Batch_KeepsItsConcurrencyContract()
    {
        var workload = new CountingWorkload(TimeSpan.FromMilliseconds(100));
        await Create().RunAsync(workload, 20, CancellationToken.None);
        var (min, max) = ExpectedInFlight(20);
        Assert.InRange(workload.MaxInFlight, min, max);
    }

    [Fact]
    public async Task RunAsync_OperationFails_OriginalExceptionPropagates()
    {
        var workload = new CountingWorkload(Latency) { FailOn = 3 };
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => Create().RunAsync(workload, 10, CancellationToken.None));
        Assert.Same(workload.Failure, thrown);
    }

    [Fact]
    public async Task RunAsync_Cancelled_EndsPromptly()
    {
        var workload = new CountingWorkload(TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();

        // Cancelled from a dedicated thread: a timer (CancelAfter) needs a pool thread, which the blocking strategies
        // have just taken, so it would measure the pool's growth instead of the strategy's response.
        var canceller = new Thread(() =>
        {
            Thread.Sleep(200);
            cancel.Cancel();
        });
        var started = Stopwatch.GetTimestamp();
        canceller.Start();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Create().RunAsync(workload, 8, cancel.Token));
        canceller.Join();
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RunAsync_AfterBatchAndDispose_LeavesNoDedicatedThreadBehind()
    {
        // The real OS threads, not the census count: a thread can leave the census before it has exited.
        var started = new ConcurrentQueue<Thread>();
        ThreadCensus.DedicatedThreadObserver = started.Enqueue;
        try
        {
            var strategy = Create();
            await strategy.RunAsync(new CountingWorkload(Latency), 30, CancellationToken.None);
            await strategy.RunAsync(new CountingWorkload(Latency), 30, CancellationToken.None);
            Assert.InRange(started.Count, ExpectedDedicatedThreads(30) == 0 ? 0 : 1, 60);
            (strategy as IDisposable)?.Dispose();
        }
        finally
        {
            ThreadCensus.DedicatedThreadObserver = null;
        }

        Assert.All(started, thread => Assert.False(thread.IsAlive, $"{thread.Name} is still alive"));
    }

    [Fact]
    public async Task RunAsync_Batch_CallsOnlyTheFormItDeclares()
    {
        var strategy = Create();
        var workload = new ProbedWorkload(new CountingWorkload(Latency));
        await strategy.RunAsync(workload, 7, CancellationToken.None);
        Assert.Equal(strategy.Form == WorkloadForm.Async ? 7 : 0, workload.AsyncCalls);
        Assert.Equal(strategy.Form == WorkloadForm.Blocking ? 7 : 0, workload.BlockingCalls);
    }

    [Fact]
    public async Task RunAsync_ThroughBatchRunnerOutOfBand_CountsEveryOperationAndItsThreads()
    {
        // The benchmark's path: CancellationToken.None to the strategy, the deadline enforced out of band. Where half the
        // operations must hold a dedicated thread at once (Thread: 6 of 12), each lasts 200 ms: within 20 ms six thread
        // starts on a busy 2-core machine do not always fit (a Thread.Start waits for its thread to run), and a strategy
        // that runs them one by one still shows 1.
        var counting = new CountingWorkload(ExpectedDedicatedThreads(12) > 1 ? TimeSpan.FromMilliseconds(200) : Latency);
        var workload = new ProbedWorkload(counting);
        var deadlines = new ConcurrentQueue<string>();
        // Dedicated threads of an earlier test may still be ending (a cancelled batch's threads finish their operation):
        // one that ended during this batch would lower its peak below a baseline read too early (seen once: 3 of 12).
        var dedicatedBefore = await SettledDedicatedThreadsAsync();

        await BatchRunner.RunOutOfBandAsync(Create(), workload, 12, TimeSpan.FromSeconds(30), deadlines.Enqueue);

        Assert.Empty(deadlines);
        Assert.Equal(12, workload.Calls);
        if (ExpectedThreads(12) is var (min, max))
        {
            Assert.InRange(counting.Threads.Count, min, max);
        }

        if (!UsesPoolThreads)
        {
            Assert.Equal(0, counting.PoolThreadSteps);
        }

        var dedicated = counting.PeakDedicated - dedicatedBefore;
        Assert.True(dedicated >= ExpectedDedicatedThreads(12), $"{dedicated} dedicated threads seen");

        // The probe's census counts the batch's thread and the dedicated threads the operations saw.
        Assert.True(workload.PeakThreads >= 1 + counting.PeakDedicated, $"peak {workload.PeakThreads}, dedicated {counting.PeakDedicated}");
    }

    /// <summary>The census of live dedicated threads once it has not changed for 300 ms (at most 10 s).</summary>
    private static async Task<int> SettledDedicatedThreadsAsync()
    {
        var (last, stableSince, started) = (ThreadCensus.Dedicated, Stopwatch.GetTimestamp(), Stopwatch.GetTimestamp());
        while (Stopwatch.GetElapsedTime(stableSince) < TimeSpan.FromMilliseconds(300) && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
            if (ThreadCensus.Dedicated != last)
            {
                (last, stableSince) = (ThreadCensus.Dedicated, Stopwatch.GetTimestamp());
            }
        }

        return last;
    }
}

public sealed class SequentialContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.Sequential;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (1, 1);

    // Every call on the caller's one thread.
    protected override (int Min, int Max)? ExpectedThreads(int count) => (1, 1);
}

public sealed class SequentialAwaitContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.SequentialAwait;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (1, 1);
}

public sealed class ThreadContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.Thread;

    // Thread creation takes about 0.2 ms each, so nearly all 20 overlap within a 100 ms operation; the band is wide
    // because a loaded 2-core machine can delay thread starts by tens of milliseconds.
    protected override (int Min, int Max) ExpectedInFlight(int count) => (count / 2, count);

    // One thread per operation; half, for the same reason as the in-flight band (a thread id can be reused once its
    // thread ended, and a loaded machine can start a thread after another one ended).
    protected override (int Min, int Max)? ExpectedThreads(int count) => (count / 2, count);

    protected override int ExpectedDedicatedThreads(int count) => count / 2;

    protected override bool UsesPoolThreads => false;
}

[Collection(PoolStarvingCollection.Name)] // blocking work items hold the process's pool for up to a second
public sealed class ThreadPoolContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.ThreadPool;

    // As many as the pool has threads: at least the cores, at most N.
    protected override (int Min, int Max) ExpectedInFlight(int count) => (Math.Min(2, Environment.ProcessorCount), count);
}

[Collection(PoolStarvingCollection.Name)] // blocking work items hold the process's pool for up to a second
public sealed class TaskRunContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.TaskRun;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (Math.Min(2, Environment.ProcessorCount), count);
}

public sealed class TaskContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.Task;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (count, count);
}

public sealed class ValueTaskContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.ValueTask;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (count, count);
}

public sealed class ChannelContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.Channel;

    protected override int Limit => 4;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (4, 4);
}

public sealed class BoundedContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.Bounded;

    protected override int Limit => 4;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (4, 4);
}

public sealed class EventLoopContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.EventLoop;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (count, count);

    // Every operation starts and resumes on the one loop thread, which the census counts as dedicated.
    protected override (int Min, int Max)? ExpectedThreads(int count) => (1, 1);

    protected override int ExpectedDedicatedThreads(int count) => 1;

    protected override bool UsesPoolThreads => false;

    [Fact]
    public async Task RunAsync_Batch_RunsEveryOperationOnOneThread()
    {
        var workload = new CountingWorkload(Latency);
        await Create().RunAsync(workload, 50, CancellationToken.None);
        Assert.Single(workload.Threads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, workload.Threads.Keys.Single());
        Assert.Equal(0, workload.PoolThreadSteps);
    }

    [Fact]
    public async Task RunAsync_SecondBatch_ReusesTheLoopThread()
    {
        var strategy = Create();
        var first = new CountingWorkload(Latency);
        var second = new CountingWorkload(Latency);
        await strategy.RunAsync(first, 5, CancellationToken.None);
        await strategy.RunAsync(second, 5, CancellationToken.None);
        Assert.Equal(first.Threads.Keys.Single(), second.Threads.Keys.Single());
    }
}

public sealed class EventLoopBlockingContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.EventLoopBlocking;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (1, 1);

    protected override (int Min, int Max)? ExpectedThreads(int count) => (1, 1);

    protected override int ExpectedDedicatedThreads(int count) => 1;

    protected override bool UsesPoolThreads => false;
}

[Collection(PoolStarvingCollection.Name)] // blocking work items hold the process's pool for up to a second
public sealed class SyncOverAsyncContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.SyncOverAsync;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (Math.Min(2, Environment.ProcessorCount), count);
}

public sealed class ParallelForEachAsyncContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.ParallelForEachAsync;

    // Parallel.ForEachAsync's default degree of parallelism: the processor count, however long the calls wait.
    protected override (int Min, int Max) ExpectedInFlight(int count) =>
        (Math.Min(Environment.ProcessorCount, count), Math.Min(Environment.ProcessorCount, count));
}

public sealed class ParallelForEachAsyncUnboundedContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.ParallelForEachAsyncUnbounded;

    // Every call in flight, but its workers are queued through the pool one after another: a busy test process can hold
    // the last of them past a 100 ms call (ParallelForEachTests checks all N with longer calls).
    protected override (int Min, int Max) ExpectedInFlight(int count) => (count / 2, count);
}

[Collection(PoolStarvingCollection.Name)] // blocking calls on pool threads hold the process's pool
public sealed class ParallelForEachContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.ParallelForEach;

    // The calling thread and at least one pool worker; as many as the pool has threads, at most N.
    protected override (int Min, int Max) ExpectedInFlight(int count) => (Math.Min(2, count), count);
}
