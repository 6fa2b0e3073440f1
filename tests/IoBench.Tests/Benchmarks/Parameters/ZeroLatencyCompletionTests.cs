using IoBench.Benchmarks;
using IoBench.Benchmarks.Parameters;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Tests.Benchmarks.Parameters;

/// <summary>The Yield variant runs only where it differs from Immediate and does not starve the pool.</summary>
public sealed class ZeroLatencyCompletionTests
{
    private static readonly SuiteSettings Settings = new();

    [Theory]
    [InlineData(StrategyKind.Sequential)]
    [InlineData(StrategyKind.Thread)]
    [InlineData(StrategyKind.ThreadPool)]
    [InlineData(StrategyKind.TaskRun)]
    [InlineData(StrategyKind.EventLoopBlocking)]
    public void Yield_WithABlockingStrategy_IsNotRun(StrategyKind strategy) =>
        Assert.NotNull(ZeroLatencyCompletion.Yield.WhyNotRun(strategy, 1000, 0, Settings));

    [Theory]
    [InlineData(StrategyKind.SequentialAwait)]
    [InlineData(StrategyKind.Task)]
    [InlineData(StrategyKind.ValueTask)]
    [InlineData(StrategyKind.Channel)]
    [InlineData(StrategyKind.Bounded)]
    [InlineData(StrategyKind.EventLoop)]
    public void Yield_WithAnAsyncStrategy_Runs(StrategyKind strategy) =>
        Assert.Null(ZeroLatencyCompletion.Yield.WhyNotRun(strategy, 1000, 0, Settings));

    [Fact]
    public void Yield_WithSyncOverAsync_IsNotRun() =>
        Assert.Contains("starves", ZeroLatencyCompletion.Yield.WhyNotRun(StrategyKind.SyncOverAsync, 1000, 0, Settings), StringComparison.Ordinal);

    [Fact]
    public void Immediate_RunsWithEveryStrategy() =>
        Assert.All(Strategy.All, s => Assert.Null(ZeroLatencyCompletion.Immediate.WhyNotRun(s, 1000, 0, Settings)));
}
