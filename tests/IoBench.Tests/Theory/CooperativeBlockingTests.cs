using IoBench.Core.Theory;

namespace IoBench.Tests.Theory;

/// <summary>The runtime's cooperative-blocking schedule, counted by hand for 2 cores and the default minimum of 2.</summary>
public sealed class CooperativeBlockingTests
{
    [Theory]
    [InlineData(4, 0)]      // minimum + cores at once
    [InlineData(5, 25)]     // goal 4: 25 ms
    [InlineData(6, 50)]     // goal 5: 25 ms
    [InlineData(7, 100)]    // goal 6: 50 ms
    [InlineData(10, 300)]   // 25+25+50+50+75+75
    [InlineData(22, 2250)]  // 25 × (1+1+2+2+...+9+9)
    [InlineData(23, 2500)]  // from 22 threads on, the 250 ms cap
    [InlineData(37, 6000)]
    public void TimeToReach_TwoCoresDefaultMinimum_IsTheSumOfTheDelays(int threads, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), CooperativeBlocking.TimeToReach(threads, minimum: 2, cores: 2));

    [Fact]
    public void AtMaxDelay_TwoCoresDefaultMinimum_Is22Threads() => Assert.Equal(22, CooperativeBlocking.AtMaxDelay(minimum: 2, cores: 2));

    [Fact]
    public void TimeToReach_WithinTheThreadsAddedAtOnce_IsZero() => Assert.Equal(TimeSpan.Zero, CooperativeBlocking.TimeToReach(3, minimum: 2, cores: 2));
}
