using IoBench.Compare;

namespace IoBench.Tests.Compare;

/// <summary>
/// The exact Mann-Whitney p with ties on small samples, against values counted by hand. Defect caught: the normal
/// approximation (and Perfolizer 0.6.1's exact CDFs, which ignore ties) give p below the exact one, so a tie in four
/// cold launches a side made a case significant that is not.
/// </summary>
public sealed class MannWhitneyExactTiesTests
{
    [Fact]
    public void TwoSided_FourAgainstFourWithATie_IsTheExactTieAwareP()
    {
        // Pooled 1 2 3 5 5 6 7 8: U = 0.5. Of the C(8, 4) = 70 choices of x, none gives U = 0 (x = 1, 2, 3 and either 5
        // ties the other 5) and two give 0.5; by symmetry two give 15.5. p = 4/70 = 0.0571, not significant at 0.05.
        // The normal approximation says 0.042 and Perfolizer's exact CDF (no ties) 2/70 = 0.029: both would call it.
        var result = MannWhitneyTest.TwoSided([1, 2, 3, 5], [5, 6, 7, 8]);

        Assert.True(result.Exact);
        Assert.Equal(0.5, result.U);
        Assert.Equal(4.0 / 70, result.PValue, 12);
    }

    [Fact]
    public void TwoSided_ThreeAgainstThreeInTieGroups_CountsEachChoiceOfTiedValues()
    {
        // Pooled 1 1 | 2 2 | 3 3, midranks 1.5, 3.5, 5.5. x = 1, 1, 2 has rank sum 6.5, the smallest possible: choosing both
        // 1s and one of the two 2s, C(2,2) x C(2,1) = 2 of the C(6, 3) = 20 choices. p = 2 x 2/20 = 0.2.
        var result = MannWhitneyTest.TwoSided([1, 1, 2], [2, 3, 3]);

        Assert.True(result.Exact);
        Assert.Equal(0.5, result.U);
        Assert.Equal(0.2, result.PValue, 12);
    }

    [Fact]
    public void TwoSided_TiesOnBothSides_MatchesEnumerationOfAllChoices()
    {
        // 10 10 11 12 against 11 12 12 13: enumerating the 70 choices of x with midranks, 7 have a rank sum at or below
        // x's (13.5): p = 14/70.
        Assert.Equal(14.0 / 70, MannWhitneyTest.TwoSided([10, 10, 11, 12], [11, 12, 12, 13]).PValue, 12);
    }

    [Fact]
    public void TwoSided_BeyondTheExactLimit_UsesTheNormalApproximation()
    {
        var x = Enumerable.Range(0, MannWhitneyTest.ExactLimit + 1).Select(i => (double)i).ToArray();
        var y = x.Select(v => v + 0.5).ToArray();

        var result = MannWhitneyTest.TwoSided(x, y);

        Assert.False(result.Exact);
        Assert.InRange(result.PValue, 0.8, 1.0);
    }
}
