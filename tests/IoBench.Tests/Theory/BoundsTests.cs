using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Theory;

public sealed class BoundsTests
{
    private static readonly TimeSpan L = TimeSpan.FromMilliseconds(20);

    [Theory]
    [InlineData(1, 20)]
    [InlineData(10, 200)]
    [InlineData(1000, 20_000)]
    public void Sequential_NOperations_IsNTimesL(int n, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Bounds.Sequential(n, L));

    [Theory]
    [InlineData(100, 10, 200)]
    [InlineData(101, 10, 220)]
    [InlineData(5, 10, 20)]
    [InlineData(100, 0, 20)]
    public void Limited_NOperationsKAtOnce_IsWavesTimesL(int n, int k, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Bounds.Limited(n, k, L));

    // The law each strategy meets with waiting operations, on 2 cores: its own limit's waves, else max(L).
    [Theory]
    [InlineData(StrategyKind.ParallelForEachAsync, 0, 100, 1000)] // the default degree: ceil(N/cores)×L although nothing computes
    [InlineData(StrategyKind.ParallelForEachAsync, 0, 1, 20)]
    [InlineData(StrategyKind.ParallelForEachAsyncUnbounded, 0, 100, 20)] // MaxDegreeOfParallelism = N: max(L)
    [InlineData(StrategyKind.ParallelForEach, 0, 100, 20)] // only once the pool has N threads (PoolRegime)
    [InlineData(StrategyKind.Task, 0, 100, 20)]
    [InlineData(StrategyKind.Bounded, 10, 100, 200)]
    [InlineData(StrategyKind.Sequential, 0, 100, 2000)]
    public void AtBest_WaitingOperations_IsTheWavesOfWhatTheStrategyHasInFlight(StrategyKind kind, int k, int n, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Bounds.AtBest(kind, n, k, cores: 2, L));

    [Fact]
    public void AtBest_ParallelForEachAsync_FollowsTheCoresGiven() =>
        Assert.Equal(TimeSpan.FromMilliseconds(260), Bounds.AtBest(StrategyKind.ParallelForEachAsync, 100, 0, cores: 8, L));

    [Fact]
    public void ConcurrencyFactor_MeanOfTwoLatencies_IsTwo() =>
        Assert.Equal(2.0, Bounds.ConcurrencyFactor(TimeSpan.FromMilliseconds(40), L), 6);

    [Fact]
    public void Speedup_HalfTheSequentialTime_IsTwo() =>
        Assert.Equal(2.0, Bounds.Speedup(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)), 6);
}
