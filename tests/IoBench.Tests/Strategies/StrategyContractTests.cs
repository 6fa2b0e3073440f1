using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Strategies;

/// <summary>The contract every strategy keeps, written once; each strategy has a sealed subclass below.</summary>
public abstract class StrategyContractTests
{
    protected static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    protected abstract StrategyKind Kind { get; }

    /// <summary>K given to Channel and Bounded in these tests.</summary>
    protected virtual int Limit => 0;

    /// <summary>The range the peak number of operations in flight must fall in, for a batch of <paramref name="count"/>.</summary>
    protected abstract (int Min, int Max) ExpectedInFlight(int count);

    private IStrategy Create() => Strategy.Create(Kind, Limit);

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
    public async Task RunAsync_AfterBatch_LeavesNoDedicatedThreadBehind()
    {
        var workload = new CountingWorkload(Latency);
        await Create().RunAsync(workload, 30, CancellationToken.None);
        Assert.Equal(0, ThreadCensus.Dedicated);
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
    public async Task RunAsync_ThroughBatchRunner_CountsEveryOperation()
    {
        var workload = new ProbedWorkload(new CountingWorkload(Latency));
        await BatchRunner.RunAsync(Create(), workload, 12, TimeSpan.FromSeconds(30));
        Assert.Equal(12, workload.Calls);
        Assert.True(workload.PeakThreads >= 1);
    }
}

public sealed class SequentialContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.Sequential;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (1, 1);
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
}

public sealed class ThreadPoolContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.ThreadPool;

    // As many as the pool has threads: at least the cores, at most N.
    protected override (int Min, int Max) ExpectedInFlight(int count) => (Math.Min(2, Environment.ProcessorCount), count);
}

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

    [Fact]
    public async Task RunAsync_Batch_RunsEveryOperationOnOneThread()
    {
        var workload = new CountingWorkload(Latency);
        await Strategy.Create(Kind).RunAsync(workload, 50, CancellationToken.None);
        Assert.Single(workload.Threads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, workload.Threads.Keys.Single());
    }
}

public sealed class EventLoopBlockingContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.EventLoopBlocking;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (1, 1);
}

public sealed class SyncOverAsyncContractTests : StrategyContractTests
{
    protected override StrategyKind Kind => StrategyKind.SyncOverAsync;

    protected override (int Min, int Max) ExpectedInFlight(int count) => (Math.Min(2, Environment.ProcessorCount), count);
}
