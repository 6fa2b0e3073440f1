using IoBench.Compare;
using static IoBench.Tests.Compare.CompareSamples;

namespace IoBench.Tests.Compare;

/// <summary>
/// The verdict's direction and size come from the robust estimate, not the mean. Defect caught: SqliteWrite TaskRun
/// N = 100 published as "2.8 times slower" on .NET 10 from two slow batches (431.9 and 210.4 ms among twelve of ~35-48),
/// and SyncOverAsync called slower on a mean ratio of 1.21 whose median ratio was 0.947.
/// </summary>
public sealed class RobustVerdictTests
{
    private static readonly double[] Baseline = [30.1, 29.8, 30.4, 29.5, 30.9, 30.2, 29.9, 30.6, 29.7, 30.3, 30.0, 31.0];

    [Fact]
    public void Verdict_TwoOutlyingBatches_SizeFollowsTheEstimateNotTheMean()
    {
        // The published series of SqliteWrite TaskRun N = 100 on .NET 10 (ms), against a baseline around 30 ms.
        double[] net10 = [35.3, 34.7, 34.9, 431.9, 35.1, 210.4, 38.7, 42.1, 48.5, 38.4, 43.1, 29.4];

        var c = Assert.Single(Judge([(Baseline, net10)]));

        Assert.InRange(c.MeanRatio, 2.7, 2.9);   // what the mean says
        Assert.InRange(c.Ratio, 1.1, 1.3);       // what the estimate says: the typical batch is 15-20% slower
        Assert.InRange(c.Estimate.Upper, 1.1, 1.5); // the interval does not reach the mean's 2.8
        Assert.Equal(Verdict.Slower, c.Verdict);
    }

    [Fact]
    public void Verdict_MeanSlowerMedianFaster_FollowsTheRobustEstimator()
    {
        // Eleven batches 10% faster, one 20 times slower: the mean ratio says slower, every other view says faster.
        var faster = Baseline.Select(v => v * 0.9).ToArray();
        faster[5] = 600;

        var c = Assert.Single(Judge([(Baseline, faster)]));

        Assert.True(c.MeanRatio > 1.5, $"mean ratio {c.MeanRatio}");
        Assert.True(c.Ratio < 0.95, $"ratio {c.Ratio}");
        Assert.Equal(Verdict.Faster, c.Verdict);
    }

    [Theory]
    [InlineData(0.90, Verdict.Faster)]
    [InlineData(1.00, Verdict.Same)]
    [InlineData(1.12, Verdict.Slower)]
    public void Verdict_OneOutlierBatch_CannotFlipIt(double factor, Verdict expected)
    {
        // Defect caught: one batch of 100 times its neighbours deciding the direction (it would make every row slower).
        var b = Baseline.Select(v => v * factor).ToArray();
        var clean = Assert.Single(Judge([(Baseline, b)])).Verdict;
        var withOutlier = b.ToArray();
        withOutlier[3] *= 100;

        Assert.Equal(expected, clean);
        Assert.Equal(expected, Assert.Single(Judge([(Baseline, withOutlier)])).Verdict);
        var aWithOutlier = Baseline.ToArray();
        aWithOutlier[7] *= 100;
        Assert.Equal(expected, Assert.Single(Judge([(aWithOutlier, b)])).Verdict);
    }

    [Fact]
    public void Verdict_FourAgainstFour_IsUnknownUnlessTheIntervalDecides()
    {
        // Four cold launches a side: the 95% interval is the range of the 16 pairwise ratios. 2% apart with a 10% spread
        // cannot be told from the threshold: unknown, not "same".
        var c = Assert.Single(Judge([([100, 110, 95, 105], [102, 112, 97, 107])]));

        Assert.Equal(Verdict.Unknown, c.Verdict);
    }
}
