namespace IoBench.Compare;

/// <summary>One case measured in both runs: the ratios B/A, whether the runs agree, and the test's verdict.</summary>
public sealed class CaseComparison
{
    public CaseComparison(BenchmarkCase a, BenchmarkCase b, double threshold, double alpha, double? latencyA = null, double? latencyB = null)
    {
        if (a.Key != b.Key)
        {
            throw new ArgumentException($"Cannot compare {a.Key} with {b.Key}.", nameof(b));
        }

        A = a;
        B = b;
        MeanRatio = b.Mean / a.Mean;
        MedianRatio = b.Median / a.Median;
        RangesOverlap = a.Min <= b.Max && b.Min <= a.Max;
        // The tolerance keeps a ratio of exactly 0.85 within a 15% threshold despite binary rounding (1 - 0.85 > 0.15).
        WithinThreshold = Math.Abs(MeanRatio - 1) <= threshold + 1e-12;
        Agrees = WithinThreshold || RangesOverlap;
        if (latencyA is > 0 && latencyB is > 0)
        {
            // Each side in units of its own L: Mean/L, the figure the report's claims rest on.
            PerLatencyRatio = (b.Mean / latencyB.Value) / (a.Mean / latencyA.Value);
            AgreesPerLatency = Math.Abs(PerLatencyRatio.Value - 1) <= threshold + 1e-12 ||
                (a.Min / latencyA.Value <= b.Max / latencyB.Value && b.Min / latencyB.Value <= a.Max / latencyA.Value);
        }

        Test = MannWhitneyTest.TwoSided(a.NanosecondsPerOperation, b.NanosecondsPerOperation);
        Verdict = Test.PValue >= alpha || Math.Abs(MeanRatio - 1) < threshold ? Verdict.Same
            : MeanRatio < 1 ? Verdict.Faster
            : Verdict.Slower;
    }

    public CaseKey Key => A.Key;

    public BenchmarkCase A { get; }

    public BenchmarkCase B { get; }

    /// <summary>mean(B) / mean(A) of the nanoseconds per operation: below 1 means B is faster.</summary>
    public double MeanRatio { get; }

    public double MedianRatio { get; }

    /// <summary>|mean ratio - 1| is at most the threshold.</summary>
    public bool WithinThreshold { get; }

    /// <summary>The [min, max] of A's iterations and of B's share at least one point.</summary>
    public bool RangesOverlap { get; }

    /// <summary>The reproducibility rule: within the threshold, or within the spread each side shows.</summary>
    public bool Agrees { get; }

    /// <summary>(mean(B)/L(B)) / (mean(A)/L(A)): the change in units of each run's own L; null without both data files.</summary>
    public double? PerLatencyRatio { get; }

    /// <summary>The reproducibility rule applied to Mean/L and the iterations' range over L; null without both L.</summary>
    public bool? AgreesPerLatency { get; }

    public MannWhitneyResult Test { get; }

    public Verdict Verdict { get; }
}
