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

    [Fact]
    public void ConcurrencyFactor_MeanOfTwoLatencies_IsTwo() =>
        Assert.Equal(2.0, Bounds.ConcurrencyFactor(TimeSpan.FromMilliseconds(40), L), 6);

    [Fact]
    public void Speedup_HalfTheSequentialTime_IsTwo() =>
        Assert.Equal(2.0, Bounds.Speedup(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)), 6);
}
