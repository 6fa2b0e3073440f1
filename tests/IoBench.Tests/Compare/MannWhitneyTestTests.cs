using IoBench.Compare;

namespace IoBench.Tests.Compare;

public sealed class MannWhitneyTestTests
{
    // Five values a side: C(10, 5) = 252 equally likely orders under the null hypothesis.
    [Fact]
    public void TwoSided_SamplesFullyApart_GivesTheSmallestExactP()
    {
        var result = MannWhitneyTest.TwoSided([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);

        Assert.True(result.Exact);
        Assert.Equal(0, result.U);
        Assert.Equal(2.0 / 252, result.PValue, 12);
    }

    [Fact]
    public void TwoSided_InterleavedSamples_MatchesTheHandCountedExactP()
    {
        // Pooled order a a a b a b a b b b: U = (50 > 40) + (70 > 40, 60) = 3. Orders with U <= 3: U = 0, 1, 2, 3 have
        // 1, 1, 2, 3 orders (partitions of U into at most 5 parts of at most 5) = 7, so p = 2 x 7 / 252 = 0.0556.
        var result = MannWhitneyTest.TwoSided([10, 20, 30, 50, 70], [40, 60, 80, 90, 100]);

        Assert.True(result.Exact);
        Assert.Equal(3, result.U);
        Assert.Equal(14.0 / 252, result.PValue, 12);
    }

    [Fact]
    public void TwoSided_SwappedSamples_GiveTheSameP()
    {
        // U = 2: 1 + 1 + 2 = 4 orders at or below it, p = 8 / 252.
        double[] x = [10, 20, 30, 50, 60], y = [40, 70, 80, 90, 100];

        Assert.Equal(8.0 / 252, MannWhitneyTest.TwoSided(x, y).PValue, 12);
        Assert.Equal(8.0 / 252, MannWhitneyTest.TwoSided(y, x).PValue, 12);
        Assert.Equal(23, MannWhitneyTest.TwoSided(y, x).U);
    }

    [Fact]
    public void TwoSided_IdenticalSamples_IsNotSignificant()
    {
        var result = MannWhitneyTest.TwoSided([5, 5, 5], [5, 5, 5]);

        Assert.True(result.Exact); // one tie group: every choice gives the same rank sum
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void TwoSided_OneTieAcrossTheSamples_IsExactAndTieAware()
    {
        // One tie across the samples: U = 0.5. Given the tie, no choice of x reaches U = 0 (x = 1, 2, 3, 4 and either 6
        // still ties the other 6), two reach 0.5: p = 2 x 2/252 = 0.0159, not the 2/252 of the order without the tie.
        var result = MannWhitneyTest.TwoSided([1, 2, 3, 4, 6], [6, 7, 8, 9, 10]);

        Assert.True(result.Exact);
        Assert.Equal(0.5, result.U);
        Assert.Equal(4.0 / 252, result.PValue, 12);
    }

    [Fact]
    public void NormalDistribution_UpperTail_MatchesTheTable()
    {
        Assert.Equal(0.5, NormalDistribution.UpperTail(0), 7);
        Assert.Equal(0.025, NormalDistribution.UpperTail(1.959964), 6);
        Assert.Equal(0.975, NormalDistribution.UpperTail(-1.959964), 6);
    }

    [Fact]
    public void TwoSided_EmptySample_Throws() =>
        Assert.Throws<ArgumentException>(() => MannWhitneyTest.TwoSided([], [1.0]));
}
