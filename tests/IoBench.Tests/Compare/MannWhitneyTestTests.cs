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

        Assert.True(result.Exact);
        Assert.Equal(1.0, result.PValue);
    }

    // Overlapping samples of unequal sizes, no ties. The defect: an exact distribution built for n = m (sizes swapped, an
    // off-by-one in the rank's contribution to U) or a one-sided p. Hand count of U: 3 > 1, 2; 5 > 1, 2, 4; 8 > 1, 2, 4,
    // 6, 7; 11, 12 and 14 > all 7: 2 + 3 + 5 + 7 + 7 + 7 = 31.
    [Fact]
    public void TwoSided_OverlappingUnequalSamples_MatchesExhaustiveEnumeration()
    {
        double[] x = [3, 5, 8, 11, 12, 14], y = [1, 2, 4, 6, 7, 9, 10];

        var result = MannWhitneyTest.TwoSided(x, y);

        Assert.True(result.Exact);
        Assert.Equal(31, result.U);
        Assert.Equal(310.0 / 1716, ExactByEnumeration(x, y), 12); // of C(13, 6) = 1716 splits, 155 at or above x's rank sum, doubled
        Assert.Equal(ExactByEnumeration(x, y), result.PValue, 12);
    }

    // Ties within and across samples, 5 against 5. The defect: ranks that ignore ties (1, 2, 3 ... in sorted order
    // rather than midranks), or a normal approximation in place of the exact p (0.20 where the exact is 0.37). Midranks
    // of the pooled 1, five 2s, four 3s: 1, 4 (ranks 2-6), 8.5 (ranks 7-10); x's sum 1 + 3 x 4 + 8.5 = 21.5, U = 21.5 - 15 = 6.5.
    [Theory]
    [InlineData(new double[] { 1, 2, 2, 2, 3 }, new double[] { 2, 2, 3, 3, 3 }, 6.5, 92)]
    [InlineData(new double[] { 1, 1, 1, 2, 2 }, new double[] { 2, 2, 3, 3, 3 }, 2.0, 12)]
    [InlineData(new double[] { 5, 5, 6, 6, 7 }, new double[] { 6, 7, 7, 8, 8 }, 3.0, 20)]
    public void TwoSided_TiedSamples_MatchExhaustiveEnumeration(double[] x, double[] y, double u, int extremeOrders)
    {
        var result = MannWhitneyTest.TwoSided(x, y);

        Assert.True(result.Exact);
        Assert.Equal(u, result.U);
        // Of the 252 ways to split the pooled values, those at least as far below the middle as the observed one, doubled.
        Assert.Equal(extremeOrders / 252.0, ExactByEnumeration(x, y), 12);
        Assert.Equal(extremeOrders / 252.0, result.PValue, 12);
    }

    [Fact]
    public void TwoSided_OneTieAcrossTheSamples_IsExactAndJustAboveTheUntiedP()
    {
        // The 6s tie across the samples (midrank 5.5 each): U = 0.5. Splits with a midrank sum at or below x's 15.5: 1, 2,
        // 3, 4 with either 6, 2 of 252, doubled: 4 / 252, beside 2 / 252 without the tie (1, 2, 3, 4, 5 the only one).
        var result = MannWhitneyTest.TwoSided([1, 2, 3, 4, 6], [6, 7, 8, 9, 10]);

        Assert.True(result.Exact);
        Assert.Equal(0.5, result.U);
        Assert.Equal(4.0 / 252, result.PValue, 12);
        Assert.Equal(ExactByEnumeration([1, 2, 3, 4, 6], [6, 7, 8, 9, 10]), result.PValue, 12);
    }

    [Fact]
    public void TwoSided_BeyondTheExactLimit_UsesTheNormalApproximation()
    {
        var x = Enumerable.Range(0, MannWhitneyTest.ExactLimit + 1).Select(i => (double)i).ToArray();
        var y = x.Select(v => v + 10).ToArray();

        var result = MannWhitneyTest.TwoSided(x, y);

        Assert.False(result.Exact);
        Assert.InRange(result.PValue, 0.0, 0.1);
    }

    /// <summary>
    /// The two-sided exact p by brute force, independent of the code under test: every way to choose which of the pooled
    /// values are x's, each with the rank sum it gives (midranks for ties), and twice the smaller tail at the observed sum.
    /// </summary>
    private static double ExactByEnumeration(double[] x, double[] y)
    {
        var pooled = x.Concat(y).ToArray();
        var midranks = pooled.Select(v => pooled.Count(w => w < v) + ((pooled.Count(w => w == v) + 1) / 2.0)).ToArray();
        var observed = midranks.Take(x.Length).Sum();
        long total = 0, lower = 0, upper = 0;
        for (var mask = 0; mask < 1 << pooled.Length; mask++)
        {
            if (int.PopCount(mask) != x.Length)
            {
                continue;
            }

            var sum = Enumerable.Range(0, pooled.Length).Where(i => (mask & (1 << i)) != 0).Sum(i => midranks[i]);
            total++;
            lower += sum <= observed + 1e-9 ? 1 : 0;
            upper += sum >= observed - 1e-9 ? 1 : 0;
        }

        return Math.Min(1.0, 2.0 * Math.Min(lower, upper) / total);
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
