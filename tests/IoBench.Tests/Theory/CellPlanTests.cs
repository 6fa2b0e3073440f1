using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Theory;

public sealed class CellPlanTests
{
    private static readonly TimeSpan L = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private static string? WhyNotRun(StrategyKind kind, int n, int k = 0, bool cpuBound = false) =>
        CellPlan.WhyNotRun(kind, n, k, L, Budget, cpuBound, cores: 2);

    [Theory]
    [InlineData(StrategyKind.Sequential)]
    [InlineData(StrategyKind.SequentialAwait)]
    [InlineData(StrategyKind.EventLoopBlocking)]
    public void WhyNotRun_SequentialByNatureAtN1000_IsNotRun(StrategyKind kind)
    {
        Assert.Contains("sequential by nature", WhyNotRun(kind, 1000));
        Assert.Null(WhyNotRun(kind, 100));
    }

    [Theory]
    [InlineData(StrategyKind.Task)]
    [InlineData(StrategyKind.Thread)]
    [InlineData(StrategyKind.ThreadPool)]
    public void WhyNotRun_OverlappingStrategyAtN1_IsLeftToTheSampledL(StrategyKind kind)
    {
        Assert.Contains("N = 1 is one operation", WhyNotRun(kind, 1));
        Assert.Null(WhyNotRun(StrategyKind.Sequential, 1));
        Assert.Null(WhyNotRun(kind, 10));
    }

    [Theory]
    [InlineData(StrategyKind.Sequential)]
    [InlineData(StrategyKind.SequentialAwait)]
    public void WhyNotRun_DeviceDecidedLatencyAtN1_IsLeftToThePairedSample(StrategyKind kind)
    {
        // No nominal L (an fsync, a commit): every case samples L around its batches; one operation alone is not a cell.
        Assert.Contains("device-decided", CellPlan.WhyNotRun(kind, 1, 0, TimeSpan.Zero, Budget, cpuBound: false, cores: 2));
        Assert.Null(CellPlan.WhyNotRun(kind, 10, 0, TimeSpan.Zero, Budget, cpuBound: false, cores: 2));
        Assert.Null(WhyNotRun(kind, 1)); // a timed L of 20 ms: Sequential N = 1 runs
    }

    [Fact]
    public void WhyNotRun_OverlappingStrategyAtN1000_Runs() => Assert.Null(WhyNotRun(StrategyKind.Task, 1000));

    [Fact]
    public void WhyNotRun_KOnAStrategyWithoutLimit_IsNotACell() => Assert.NotNull(WhyNotRun(StrategyKind.Task, 100, k: 10));

    [Fact]
    public void WhyNotRun_KAtLeastN_DoesNotBind() => Assert.NotNull(WhyNotRun(StrategyKind.Bounded, 10, k: 10));

    [Fact]
    public void WhyNotRun_KBelowN_Runs() => Assert.Null(WhyNotRun(StrategyKind.Bounded, 100, k: 10));

    [Fact]
    public void WhyNotRun_CpuBoundAtN1000_IsNotRunEvenInParallel()
    {
        Assert.Contains("CPU-bound", WhyNotRun(StrategyKind.Thread, 1000, cpuBound: true));
        Assert.Null(WhyNotRun(StrategyKind.Thread, 100, cpuBound: true));
    }


    [Theory]
    [InlineData(StrategyKind.Task)]
    [InlineData(StrategyKind.ValueTask)]
    [InlineData(StrategyKind.Bounded)]
    [InlineData(StrategyKind.EventLoop)]
    public void WhyNotRun_SynchronousAsyncOverBudget_SaysTheAsyncApiCompletesSynchronously(StrategyKind kind)
    {
        var why = CellPlan.WhyNotRun(kind, 1000, 0, L, Budget, cpuBound: false, cores: 2, synchronousAsync: true);

        Assert.Equal("async API completes synchronously: N×L = 20 s per batch", why);
    }

    [Theory]
    [InlineData(StrategyKind.Task)]
    [InlineData(StrategyKind.EventLoop)]
    public void WhyNotRun_RealAsyncOverBudget_Runs(StrategyKind kind) =>
        Assert.Null(CellPlan.WhyNotRun(kind, 1000, 0, L, Budget, cpuBound: false, cores: 2, synchronousAsync: false));

    [Theory]
    [InlineData(StrategyKind.Thread)]
    [InlineData(StrategyKind.ThreadPool)]
    [InlineData(StrategyKind.TaskRun)]
    [InlineData(StrategyKind.Channel)]
    [InlineData(StrategyKind.SyncOverAsync)]
    public void WhyNotRun_SynchronousAsyncWithThreadsToOverlap_Runs(StrategyKind kind) =>
        Assert.Null(CellPlan.WhyNotRun(kind, 1000, 0, L, Budget, cpuBound: false, cores: 2, synchronousAsync: true));

    [Fact]
    public void WhyNotRun_SynchronousAsyncWithinBudget_Runs() =>
        Assert.Null(CellPlan.WhyNotRun(StrategyKind.Task, 100, 0, L, Budget, cpuBound: false, cores: 2, synchronousAsync: true));

    [Fact]
    public void WhyNotRun_SequentialByNature_KeepsItsOwnReason() =>
        Assert.StartsWith("sequential by nature", CellPlan.WhyNotRun(StrategyKind.Sequential, 1000, 0, L, Budget, cpuBound: false, cores: 2, synchronousAsync: true));

    [Fact]
    public void WhyNotRun_BoundedWithKSynchronousAsync_IsSequentialToo() =>
        Assert.StartsWith("K does not bind: the async calls already complete one at a time", CellPlan.WhyNotRun(StrategyKind.Bounded, 1000, 10, L, Budget, cpuBound: false, cores: 2, synchronousAsync: true));

    [Fact]
    public void WhyNotRun_KRowOfCpuBoundWork_DoesNotBindAboveTheCores()
    {
        Assert.StartsWith("K does not bind", WhyNotRun(StrategyKind.Bounded, 100, k: 10, cpuBound: true));
        Assert.Null(CellPlan.WhyNotRun(StrategyKind.Bounded, 100, 1, L, Budget, cpuBound: true, cores: 2));
    }

    [Fact]
    public void WhyNotRun_KRowOfSynchronousAsync_DoesNotBind()
    {
        Assert.StartsWith("K does not bind", CellPlan.WhyNotRun(StrategyKind.Bounded, 100, 10, L, Budget, cpuBound: false, cores: 2, synchronousAsync: true));
        Assert.Null(CellPlan.WhyNotRun(StrategyKind.Channel, 100, 10, L, Budget, cpuBound: false, cores: 2, synchronousAsync: true));
    }

    [Theory]
    [InlineData(StrategyKind.Sequential, 0, 100, 1)]
    [InlineData(StrategyKind.EventLoopBlocking, 0, 100, 1)]
    [InlineData(StrategyKind.Task, 0, 100, 100)]
    [InlineData(StrategyKind.Bounded, 10, 100, 10)]
    [InlineData(StrategyKind.Channel, 10, 5, 5)]
    [InlineData(StrategyKind.Channel, 0, 100, 100)]
    [InlineData(StrategyKind.ParallelForEachAsyncUnbounded, 0, 100, 100)]
    [InlineData(StrategyKind.ParallelForEach, 0, 100, 100)]
    public void MaxInFlight_Strategy_IsItsOwnLimitOrN(StrategyKind kind, int k, int n, int expected) =>
        Assert.Equal(expected, Strategy.MaxInFlight(kind, k, n));

    [Theory]
    [InlineData(2, 100, 2)]
    [InlineData(8, 100, 8)]
    [InlineData(8, 5, 5)]
    public void MaxInFlight_ParallelForEachAsync_IsTheCoresGiven(int cores, int n, int expected)
    {
        Assert.Equal(expected, Strategy.MaxInFlight(StrategyKind.ParallelForEachAsync, 0, n, cores));
        Assert.Equal(Math.Min(Environment.ProcessorCount, n), Strategy.MaxInFlight(StrategyKind.ParallelForEachAsync, 0, n));
    }

    [Fact]
    public void WhyNotRun_ThreadAboveTheDedicatedThreadLimit_IsNotRunWithTheReason()
    {
        Assert.Equal(
            "one OS thread per operation: N > 10,000 threads (~0.2 ms to start and 8 MB stack reserve each)",
            WhyNotRun(StrategyKind.Thread, CellPlan.MaxDedicatedThreads + 1));
        Assert.Null(WhyNotRun(StrategyKind.Thread, CellPlan.MaxDedicatedThreads));
    }

    [Theory]
    [InlineData(StrategyKind.Task)]
    [InlineData(StrategyKind.ThreadPool)]
    [InlineData(StrategyKind.EventLoop)]
    public void WhyNotRun_OtherStrategyAtAMillion_Runs(StrategyKind kind) => Assert.Null(WhyNotRun(kind, 1_000_000));

    [Fact]
    public void WhyNotRun_KRowWhoseWavesExceedTheBudget_IsNotRunWithTheReason()
    {
        // The case: N = 10,000, K = 10, L = 100 ms is 1000 waves, 100 s against a 60 s deadline.
        var why = CellPlan.WhyNotRun(StrategyKind.Channel, 10_000, 10, TimeSpan.FromMilliseconds(100), Budget, cpuBound: false, cores: 2);

        Assert.Equal("K = 10: at best ceil(N/K)×L = 100 s per batch", why);
    }

    [Fact]
    public void WhyNotRun_ParallelForEachAsyncWhoseWavesOfTheCoresExceedTheBudget_IsNotRunWithTheReason()
    {
        // Its default degree of parallelism is the processor count: 1000 waiting calls on 2 cores are 500 waves of L.
        Assert.Equal("default degree of parallelism = cores: at best ceil(N/cores)×L = 10 s per batch", WhyNotRun(StrategyKind.ParallelForEachAsync, 1000));
        Assert.Null(WhyNotRun(StrategyKind.ParallelForEachAsync, 100)); // 1 s within the 2 s budget
        Assert.Null(WhyNotRun(StrategyKind.ParallelForEachAsyncUnbounded, 1000));
        Assert.Null(WhyNotRun(StrategyKind.ParallelForEach, 1000));
        Assert.Null(CellPlan.WhyNotRun(StrategyKind.ParallelForEachAsync, 1000, 0, L, Budget, cpuBound: false, cores: 64));
    }

    [Fact]
    public void WhyNotRun_ParallelStrategiesOverSynchronousAsync_RunOnPoolThreads() =>
        Assert.Null(CellPlan.WhyNotRun(StrategyKind.ParallelForEachAsyncUnbounded, 1000, 0, L, Budget, cpuBound: false, cores: 2, synchronousAsync: true));

    [Fact]
    public void WhyNotRun_KRowWhoseWavesFillTheBudgetExactly_Runs() =>
        Assert.Null(WhyNotRun(StrategyKind.Bounded, 1000, k: 10));

    [Fact]
    public void WhyNotRun_UnlimitedRowBesideAKRowOverBudget_Runs() =>
        Assert.Null(CellPlan.WhyNotRun(StrategyKind.Channel, 10_000, 0, TimeSpan.FromMilliseconds(100), Budget, cpuBound: false, cores: 2));
}
