namespace IoBench.Compare;

/// <summary>
/// One case measured in both runs: B's times over A's as one robust estimate with its interval (<see cref="ShiftEstimator"/>),
/// the Mann-Whitney test, and, once the comparison has adjusted every case's p (<see cref="VerdictRule.Apply"/>), its
/// q and verdict. The mean ratio is shown beside them and decides nothing.
/// </summary>
public sealed class CaseComparison
{
    private Verdict? verdict;

    public CaseComparison(BenchmarkCase a, BenchmarkCase b, VerdictRule rule, double? latencyA = null, double? latencyB = null)
    {
        if (a.Key != b.Key)
        {
            throw new ArgumentException($"Cannot compare {a.Key} with {b.Key}.", nameof(b));
        }

        A = a;
        B = b;
        Rule = rule;
        Estimate = ShiftEstimator.Ratio(a.NanosecondsPerOperation, b.NanosecondsPerOperation, rule.Confidence);
        MeanRatio = b.Mean / a.Mean;
        MedianRatio = b.Median / a.Median;
        Agrees = rule.Within(Ratio);
        if (latencyA is > 0 && latencyB is > 0)
        {
            // Each side in units of its own L: the estimate with each run's L taken out.
            PerLatencyRatio = Ratio * latencyA.Value / latencyB.Value;
            AgreesPerLatency = rule.Within(PerLatencyRatio.Value);
        }

        Test = MannWhitneyTest.TwoSided(a.NanosecondsPerOperation, b.NanosecondsPerOperation);
    }

    public CaseKey Key => A.Key;

    public BenchmarkCase A { get; }

    public BenchmarkCase B { get; }

    public VerdictRule Rule { get; }

    /// <summary>B over A: the Hodges-Lehmann ratio with its interval. Below 1, B is faster. It orders and decides.</summary>
    public RatioEstimate Estimate { get; }

    /// <summary>The estimate's ratio (<see cref="RatioEstimate.Ratio"/>).</summary>
    public double Ratio => Estimate.Ratio;

    /// <summary>mean(B) / mean(A): shown, never decides (one slow batch can double it).</summary>
    public double MeanRatio { get; }

    /// <summary>median(B) / median(A): shown beside the estimate.</summary>
    public double MedianRatio { get; }

    /// <summary>The reproducibility rule: the ratio lies within ± the threshold. Ranges that overlap do not count.</summary>
    public bool Agrees { get; }

    /// <summary>The ratio with each run's L taken out (× L(A) / L(B)); null without both data files' L.</summary>
    public double? PerLatencyRatio { get; }

    /// <summary>The reproducibility rule applied to <see cref="PerLatencyRatio"/>; null without both L.</summary>
    public bool? AgreesPerLatency { get; }

    public MannWhitneyResult Test { get; }

    /// <summary>The test's p adjusted over the comparison's cases (Benjamini-Hochberg).</summary>
    public double QValue { get; private set; } = double.NaN;

    /// <summary>The verdict, given once the comparison has adjusted every p.</summary>
    public Verdict Verdict => verdict ?? throw new InvalidOperationException($"{Key}: no verdict before the comparison's p-values are adjusted (VerdictRule.Apply).");

    internal void Decide(double qValue, Verdict decided)
    {
        QValue = qValue;
        verdict = decided;
    }
}
