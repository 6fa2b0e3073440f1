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

    /// <summary>The per-process test in a paragraph, for a comparison whose runs were made with per-process medians.</summary>
    public string DescribePerProcess() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"**Per process**: where both sides have at least two benchmark processes (launches, or replicate jobs run interleaved A1 B1 A2 B2 ...), "
        + $"the process is the unit of replication, not the batch: each process's median batch, on the log scale, and a moderated t-test "
        + $"(Smyth 2004, limma's): the cell's own within-side variance s_c² (nA + nB − 2 df) is pooled with its family's typical "
        + $"between-process variance s_0², the median of its cells' own (the same workload, other parameters and regime, over both sides' "
        + $"cells; at most {Core.Statistics.ModeratedTTest.MaxPriorDegreesOfFreedom} df lent), but never below its own: "
        + $"s~² = max(s_c², (d0·s_0² + dc·s_c²)/(d0 + dc)), so that a noisy cell in a quiet family keeps its noise. **Ratio** is then the ratio of the geometric means of the process medians, its interval "
        + $"exp(difference ± t·s~·√(1/nA + 1/nB)) at {Confidence * 100:0.#}%, and p the t-test's (continuous: no floor); the same ratio, interval "
        + $"and q give the verdict by the rule above. Cases with a single process a side keep the iteration test.");

    /// <summary>Adjusts the p of every case of one comparison (Benjamini-Hochberg) and gives each its verdict.</summary>
    public void Apply(IReadOnlyList<CaseComparison> cases)
    {
        // A case set aside (not judged) is no test: it neither counts in m nor gets a verdict.
        var judged = cases.Where(c => c.NotJudgedReason is null).ToList();
        var q = BenjaminiHochberg.Adjust([.. judged.Select(c => c.PValue)]);
        for (var i = 0; i < judged.Count; i++)
        {
            judged[i].Decide(q[i], Decide(judged[i].Estimate, q[i]));
        }
    }
}
