using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Theory;

public sealed class LatencyProfileTests
{
    private static readonly LatencyProfile Profile = new(WorkloadForm.Async, [20, 20, 20, 30]);

    [Fact]
    public void ExpectedMaxOf_One_IsTheMean() =>
        Assert.Equal(22.5, Profile.ExpectedMaxOf(1).TotalMilliseconds, 6);

    [Fact]
    public void ExpectedMaxOf_Two_CountsTheChanceOfDrawingTheTail() =>
        // P(max = 30) = 1 - (3/4)^2 = 7/16: 20 x 9/16 + 30 x 7/16 = 24.375
        Assert.Equal(24.375, Profile.ExpectedMaxOf(2).TotalMilliseconds, 6);

    [Fact]
    public void ExpectedMaxOf_ManyOperations_ApproachesTheLargestSample()
    {
        Assert.InRange(Profile.ExpectedMaxOf(1000).TotalMilliseconds, 29.999, 30);
        Assert.True(Profile.ExpectedMaxOf(10) < Profile.ExpectedMaxOf(100));
    }

    [Fact]
    public void Statistics_KnownSamples()
    {
        Assert.Equal(22.5, Profile.Mean.TotalMilliseconds, 6);
        Assert.Equal(20, Profile.Median.TotalMilliseconds, 6);
        Assert.Equal(30, Profile.Max.TotalMilliseconds, 6);
    }

    [Fact]
    public void Line_RoundTrips()
    {
        var parsed = LatencyProfile.Parse(Profile.ToLine());
        Assert.NotNull(parsed);
        Assert.Equal(WorkloadForm.Async, parsed.Form);
        Assert.Equal(Profile.SamplesMs, parsed.SamplesMs);
    }

    [Theory]
    [InlineData("// IoBench.Latency form=Async")]
    [InlineData("// IoBench.Latency form=Sideways samples=1,2")]
    [InlineData("// IoBench.Latency form=Async samples=1,x")]
    [InlineData("// IoBench.Batch pool=1->1")]
    public void Parse_Malformed_IsNull(string line) => Assert.Null(LatencyProfile.Parse(line));
}
