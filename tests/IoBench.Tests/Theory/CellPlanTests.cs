using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Theory;

public sealed class CellPlanTests
{
    private static readonly TimeSpan L = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(2000);

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
        Assert.StartsWith("async API completes synchronously", CellPlan.WhyNotRun(StrategyKind.Bounded, 1000, 10, L, Budget, cpuBound: false, cores: 2, synchronousAsync: true));
}
