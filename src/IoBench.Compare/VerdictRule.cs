namespace IoBench.Compare;

/// <summary>
/// How a comparison turns each case's ratio interval and test into a verdict, in the manner of dotnet/performance's
/// ResultsComparer and BenchmarkDotNet's statistical-test column, with an equivalence verdict beside them:
/// <b>faster</b> or <b>slower</b> when the case is a discovery after Benjamini-Hochberg at <see cref="FalseDiscoveryRate"/>
/// and its <see cref="Confidence"/> interval lies wholly beyond ± <see cref="Threshold"/>; <b>same</b> when the interval
/// lies wholly within ± the threshold; <b>unknown</b> otherwise. The mean takes no part.
/// </summary>
/// <param name="Threshold">The smallest change that counts, relative (0.05 = 5%): faster below 1 − it, slower above 1 + it.</param>
/// <param name="Alpha">1 − the confidence of each ratio's interval, and the level of its two-sided test before the control.</param>
/// <param name="FalseDiscoveryRate">The Benjamini-Hochberg rate over the cases of one comparison.</param>
public sealed record VerdictRule(double Threshold = VerdictRule.DefaultThreshold, double Alpha = VerdictRule.DefaultAlpha, double FalseDiscoveryRate = VerdictRule.DefaultFalseDiscoveryRate)
{
    /// <summary>A change of 5%: the comparison matrix's 12 steady iterations are sized to find it.</summary>
    public const double DefaultThreshold = 0.05;

    public const double DefaultAlpha = 0.05;

    public const double DefaultFalseDiscoveryRate = 0.05;

    public double Confidence => 1 - Alpha;

    // The tolerance keeps a ratio of exactly 0.95 within a 5% threshold despite binary rounding.
    private const double Rounding = 1e-12;

    public Verdict Decide(RatioEstimate estimate, double qValue) =>
        qValue < FalseDiscoveryRate && estimate.Upper < 1 - Threshold - Rounding ? Verdict.Faster
        : qValue < FalseDiscoveryRate && estimate.Lower > 1 + Threshold + Rounding ? Verdict.Slower
        : estimate.Lower >= 1 - Threshold - Rounding && estimate.Upper <= 1 + Threshold + Rounding ? Verdict.Same
        : Verdict.Unknown;

    /// <summary>|ratio − 1| is at most the threshold: the point estimate within it (the reproducibility count).</summary>
    public bool Within(double ratio) => Math.Abs(ratio - 1) <= Threshold + Rounding;

    /// <summary>The rule in a paragraph, as both reports state it.</summary>
    public string Describe()
    {
        var t = $"{Threshold * 100:0.#}%";
        var confidence = $"{Confidence * 100:0.#}%";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"**Ratio** is B's times over A's as one robust estimate: the Hodges-Lehmann shift of the log times (the median of "
            + $"the n·m ratios of a B iteration to an A iteration) with its {confidence} distribution-free interval (Lehmann/Moses, "
            + $"from the Mann-Whitney distribution); below 1, B is faster. The mean ratio is shown and decides nothing. **p**: two-sided "
            + $"Mann-Whitney U test on the iterations, exact up to {MannWhitneyTest.ExactLimit} a side with ties counted exactly; "
            + $"**q**: p adjusted over the comparison's cases (Benjamini-Hochberg), so that at most {FalseDiscoveryRate * 100:0.#}% "
            + $"of the changes called are expected to be false discoveries. **Verdict**: *faster* / *slower* when q < "
            + $"{FalseDiscoveryRate:0.###} and the interval lies wholly below {1 - Threshold:0.###} / above {1 + Threshold:0.###} "
            + $"(a {t} threshold); *same* when the interval lies within {1 - Threshold:0.###}-{1 + Threshold:0.###}; *unknown* "
            + $"otherwise (the interval straddles the threshold, or too few iterations to bound it: 3 against 3 never can at {confidence}).");
    }

    /// <summary>Adjusts the p of every case of one comparison (Benjamini-Hochberg) and gives each its verdict.</summary>
    public void Apply(IReadOnlyList<CaseComparison> cases)
    {
        var q = BenjaminiHochberg.Adjust([.. cases.Select(c => c.Test.PValue)]);
        for (var i = 0; i < cases.Count; i++)
        {
            cases[i].Decide(q[i], Decide(cases[i].Estimate, q[i]));
        }
    }
}
