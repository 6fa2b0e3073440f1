using IoBench.Core.Statistics;

namespace IoBench.Tests.Statistics;

/// <summary>Student's t, the per-family between-process variance and the moderated t-test, on numbers worked by hand.</summary>
public sealed class BetweenProcessStatisticsTests
{
    [Theory]
    // Printed tables: t(0.95, 3) = 2.3534, t(0.95, 20) = 1.7247, t(0.975, 4) = 2.7764, t(0.975, 24) = 2.0639.
    [InlineData(0.05, 3, 2.3534)]
    [InlineData(0.05, 20, 1.7247)]
    [InlineData(0.025, 4, 2.7764)]
    [InlineData(0.025, 24, 2.0639)]
    public void UpperQuantile_TabulatedValues(double p, double df, double expected)
    {
        // Defect caught: the normal quantile (1.645, 1.960) where few processes give few degrees of freedom.
        Assert.Equal(expected, StudentTDistribution.UpperQuantile(p, df), 3);
    }

    [Fact]
    public void TwoSidedP_KnownValues()
    {
        Assert.Equal(1.0, StudentTDistribution.TwoSidedP(0, 5), 12);
        Assert.Equal(0.5, StudentTDistribution.TwoSidedP(1, 1), 9);          // Cauchy: P(|T| > 1) = 1/2
        Assert.Equal(1 - (2 / Math.Sqrt(6)), StudentTDistribution.TwoSidedP(2, 2), 9); // df 2: P(|T| > t) = 1 − t/√(2 + t²)
    }

    [Fact]
    public void BetweenProcessVariance_PoolsWithinCellsOnly()
    {
        // Cell 1: logs 0, 0.1 (squares 0.005, df 1); cell 2: logs 1, 1.2, 1.4 (squares 0.08, df 2); a cell of one process adds nothing.
        // Defect caught: a variance about the family's mean (the cells' own differences) rather than each cell's.
        var variance = BetweenProcessVariance.Of([[1, Math.Exp(0.1)], [Math.E, Math.Exp(1.2), Math.Exp(1.4)], [50]]);

        Assert.Equal(0.085 / 3, variance.Variance, 12);
        Assert.Equal(3, variance.DegreesOfFreedom);
        Assert.Equal(2, variance.Cells);
    }

    [Fact]
    public void Predict_EstimateIsTheGeometricMean_IntervalFromTheFamilyVariance()
    {
        var variance = BetweenProcessVariance.Of([[1, Math.Exp(0.1)], [Math.E, Math.Exp(1.2), Math.Exp(1.4)]]);

        var interval = variance.Predict([10, 20, 40], repeatProcesses: 3)!;

        Assert.Equal(20, interval.Estimate, 9);
        var half = 2.3534 * Math.Sqrt(0.085 / 3) * Math.Sqrt(2.0 / 3);
        Assert.Equal(20 * Math.Exp(-half), interval.Lower, 2);
        Assert.Equal(20 * Math.Exp(half), interval.Upper, 2);
        Assert.Null(BetweenProcessVariance.Of([[10], [20]]).Predict([10], 1));
    }

    [Fact]
    public void ModeratedT_KnownAnswer()
    {
        // logA 0, 0.02, −0.02 and logB 0.1, 0.12, 0.08: difference 0.1, cell squares 0.0016 over dc = 4; the family's
        // 0.0004 with 30 df is lent at most 20: s~² = (20·0.0004 + 0.0016) / 24 = 0.0004, SE = √(0.0004 · 2/3), df 24.
        // Defect caught: the cell's own variance alone (4 df), or the prior not capped.
        var result = ModeratedTTest.TwoSided([0, 0.02, -0.02], [0.1, 0.12, 0.08], priorVariance: 0.0004, priorDegreesOfFreedom: 30, confidence: 0.95);

        var se = Math.Sqrt(0.0004 * 2 / 3);
        Assert.Equal(0.1, result.Difference, 12);
        Assert.Equal(se, result.StandardError, 12);
        Assert.Equal(24, result.DegreesOfFreedom);
        Assert.Equal(20, result.PriorDegreesOfFreedom);
        Assert.Equal(0.1 - (2.0639 * se), result.Lower, 4);
        Assert.Equal(0.1 + (2.0639 * se), result.Upper, 4);
        Assert.Equal(StudentTDistribution.TwoSidedP(0.1 / se, 24), result.PValue, 15);
        Assert.InRange(result.PValue, 1e-7, 1e-5); // t = 6.12 at 24 df
    }

    [Fact]
    public void ModeratedT_NoisyCellInAQuietFamily_KeepsItsOwnVariance()
    {
        // The cell's own variance 0.01 (logs −0.1, 0, 0.1 a side) against a family's typical 0.0001: shrinking would put
        // s~² at (20·0.0001 + 0.04)/24 = 0.00175 and call a 10% difference; the floor keeps 0.01. Defect caught: a noisy
        // cell (a starving pool's) called changed because its family is quiet.
        var result = ModeratedTTest.TwoSided([-0.1, 0, 0.1], [0, 0.1, 0.2], priorVariance: 0.0001, priorDegreesOfFreedom: 30, confidence: 0.95);

        Assert.Equal(Math.Sqrt(0.01 * 2 / 3), result.StandardError, 12);
        Assert.Equal(24, result.DegreesOfFreedom);
        Assert.True(result.PValue > 0.05, $"p = {result.PValue}");
    }

    [Fact]
    public void TypicalVariance_IsTheMedianOfTheCellsOwn()
    {
        // Cells with own variances 0 (equal), about 0.0001 and a very noisy one: the median is the middle one, not the pooled mean.
        var variance = BetweenProcessVariance.Of([[10, 10], [10, 10.1], [10, 20]]);

        Assert.Equal(Math.Pow(Math.Log(10.1) - Math.Log(10), 2) / 2 / 0.454936, variance.TypicalVariance, 12);
        Assert.True(variance.Variance > 10 * variance.TypicalVariance);
    }

    [Fact]
    public void ModeratedT_NoFamilyVariance_IsThePooledTTest()
    {
        // 1, 2, 3 against 4, 5, 6: pooled variance 1, SE √(2/3), t = 3/0.8165 = 3.674 at 4 df, p = 0.0213 (a printed t-test).
        var result = ModeratedTTest.TwoSided([1, 2, 3], [4, 5, 6], double.NaN, 0, 0.95);

        Assert.Equal(4, result.DegreesOfFreedom);
        Assert.Equal(0.0213, result.PValue, 4);
    }
}
