namespace IoBench.Tests.Statistics;

/// <summary>
/// The trend test behind the "not steady" mark: two-sided Mann-Kendall with its stated α at any number of batches.
/// Defect caught: the rule "S at least 80% of its maximum" lost sensitivity as batches grew (at 12 batches S = -44 of
/// 66, p = 0.0018, was not flagged) and, at five, flagged p = 0.083 two-sided while the README called it 0.04.
/// </summary>
public sealed class MannKendallTestTests
{
    [Theory]
    [InlineData(12)]
    [InlineData(30)]
    public void TwoSided_MonotoneSeriesWithNoise_IsFlagged(int batches)
    {
        // A pool still growing: batches falling 2% each, with ±1.5% noise.
        var random = new Random(batches);
        var series = Enumerable.Range(0, batches).Select(i => 700 * Math.Pow(0.98, i) * (1 + (0.03 * (random.NextDouble() - 0.5)))).ToArray();

        var result = MannKendallTest.TwoSided(series);

        Assert.True(result.PValue < MannKendallTest.DefaultAlpha, $"p = {result.PValue}, S = {result.S}");
        Assert.Equal(-1, result.Direction);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(30)]
    public void TwoSided_FlatNoisySeries_IsNotFlagged(int batches)
    {
        var random = new Random(7);
        var series = Enumerable.Range(0, batches).Select(_ => 35 * (1 + (0.3 * (random.NextDouble() - 0.5)))).ToArray();

        Assert.True(MannKendallTest.TwoSided(series).PValue >= MannKendallTest.DefaultAlpha);
    }

    [Fact]
    public void TwoSided_ManyFlatNoisySeries_FlagAboutAlpha()
    {
        // The error rate is the stated one: 2000 trendless series of 12 flag about 5% (exact p is discrete: a little under).
        var random = new Random(12);
        var flagged = Enumerable.Range(0, 2000)
            .Count(_ => MannKendallTest.TwoSided([.. Enumerable.Range(0, 12).Select(_ => random.NextDouble())]).PValue < 0.05);

        Assert.InRange(flagged, 60, 120);
    }

    [Fact]
    public void TwoSided_TheIssuesTwelveBatches_SMinus44_IsATrend()
    {
        // 12 values whose S is -44 (of 66): 55 pairs fall, 11 rise; 67% of the maximum, under the old 80% rule. The exact
        // p (Mahonian counts) is 0.0018.
        var result = MannKendallTest.TwoSided([12, 11, 10, 9, 8, 7, 1, 6, 2, 3, 4, 5]);

        Assert.Equal(-44, result.S);
        Assert.Equal(0.0018032758, result.PValue, 9);
    }

    [Fact]
    public void TwoSided_FiveBatches_OnlyAStrictlyMonotoneSeriesIsATrend()
    {
        // Of the 120 orders of five values, one has S = 10: p = 2/120. S = 8 (4 more orders) is p = 10/120, not a trend.
        Assert.Equal(2.0 / 120, MannKendallTest.TwoSided([1, 2, 3, 4, 5]).PValue, 12);
        Assert.Equal(10.0 / 120, MannKendallTest.TwoSided([2, 1, 3, 4, 5]).PValue, 12);
        Assert.True(MannKendallTest.TwoSided([1, 2, 3, 4, 5]).Exact);
    }

    [Fact]
    public void TwoSided_Ties_UseTheTieCorrectedVariance()
    {
        // n = 6 with one pair tied: Var(S) = (6·5·17 - 2·1·9) / 18 = (510 - 18) / 18 = 27.33; of the 15 pairs 14 rise and 1
        // ties, S = 14; continuity-corrected z = 13 / √27.33.
        var result = MannKendallTest.TwoSided([1, 2, 2, 3, 4, 5]);

        Assert.False(result.Exact);
        Assert.Equal(14, result.S);
        Assert.Equal(492.0 / 18, result.Variance, 9);
        Assert.Equal(2 * NormalDistribution.UpperTail(13 / Math.Sqrt(492.0 / 18)), result.PValue, 12);
    }
}
