using IoBench.Core.Statistics;

namespace IoBench.Compare;

/// <summary>
/// One case measured in both runs: B's times over A's as one estimate with its interval and its test, and, once the
/// comparison has adjusted every case's p (<see cref="VerdictRule.Apply"/>), its q and verdict. Two modes, one estimator
/// each: with at least two processes a side in runs made with per-process medians, the process is the unit (the moderated
/// t-test on log process medians, <see cref="ModeratedTTest"/>, its ratio of geometric means and its interval); otherwise
/// the iterations (<see cref="ShiftEstimator"/>'s Hodges-Lehmann ratio and the Mann-Whitney test). A case whose L a device
/// decides is estimated and tested in units of each side's own L. The mean ratio is shown beside them and decides nothing.
/// </summary>
public sealed class CaseComparison
{
    private Verdict? verdict;

    /// <param name="familyVariance">
    /// The between-process variance of the case's family over both runs' cells (<see cref="RunComparison"/>); null in a
    /// comparison of runs made without per-process medians, whose cases are compared iteration against iteration.
    /// </param>
    /// <param name="decidePerLatency">
    /// The case's L is sampled around its own batches (a device or a calibration decides it, not a timer): with both
    /// sides' L known, each side's times are taken in units of its own L before the estimate and the test, so that an
    /// fsync or a query that ran slower in one process or run is not called a change of the strategy. Measured on the
    /// published A/A pair (v5 against v5-repeat): SqliteQuery's L was 1.43 times as long in one run as in the other, and
    /// 15 of the pair's 22 false calls were in such families; decided per L, 4 of them remain (10 calls in all). The L change itself is reported per family
    /// (<see cref="RunComparison.LatencyChanges"/>), not hidden.
    /// </param>
    public CaseComparison(BenchmarkCase a, BenchmarkCase b, VerdictRule rule, double? latencyA = null, double? latencyB = null, BetweenProcessVariance? familyVariance = null, bool decidePerLatency = false)
    {
        if (a.Key != b.Key)
        {
            throw new ArgumentException($"Cannot compare {a.Key} with {b.Key}.", nameof(b));
        }

        A = a;
        B = b;
        Rule = rule;
        DecidedPerLatency = decidePerLatency && latencyA is > 0 && latencyB is > 0;
        // In units of L: dividing a side by its one L moves its log values by a constant, so the family's between-process
        // variance (each cell's processes about their own mean) is unchanged, and only the difference between the sides moves.
        var unitA = DecidedPerLatency ? latencyA!.Value : 1.0;
        var unitB = DecidedPerLatency ? latencyB!.Value : 1.0;
        if (familyVariance is not null && a.Processes.Count >= 2 && b.Processes.Count >= 2)
        {
            Moderated = ModeratedTTest.TwoSided([.. a.ProcessMedians.Select(m => Math.Log(m / unitA))], [.. b.ProcessMedians.Select(m => Math.Log(m / unitB))], familyVariance.TypicalVariance, familyVariance.DegreesOfFreedom, rule.Confidence);
            Estimate = new RatioEstimate(Math.Exp(Moderated.Difference), Math.Exp(Moderated.Lower), Math.Exp(Moderated.Upper), rule.Confidence);
        }
        else
        {
            IReadOnlyList<double> timesA = [.. a.NanosecondsPerOperation.Select(t => t / unitA)];
            IReadOnlyList<double> timesB = [.. b.NanosecondsPerOperation.Select(t => t / unitB)];
            Estimate = ShiftEstimator.Ratio(timesA, timesB, rule.Confidence);
            Test = MannWhitneyTest.TwoSided(timesA, timesB);
        }

        TimeRatio = Estimate.Ratio * unitB / unitA;
        MeanRatio = b.Mean / a.Mean;
        MedianRatio = b.Median / a.Median;
        Agrees = rule.Within(Ratio);
        if (latencyA is > 0 && latencyB is > 0)
        {
            // Each side in units of its own L: the estimate with each run's L taken out.
            LatencyRatio = latencyB.Value / latencyA.Value;
            PerLatencyRatio = TimeRatio / LatencyRatio;
            AgreesPerLatency = rule.Within(PerLatencyRatio.Value);
        }
    }

    public CaseKey Key => A.Key;

    public BenchmarkCase A { get; }

    public BenchmarkCase B { get; }

    public VerdictRule Rule { get; }

    /// <summary>
    /// B over A with its interval: the ratio of the geometric means of the process medians (per-process mode) or the
    /// Hodges-Lehmann ratio of the iterations. Below 1, B is faster. It orders and decides.
    /// </summary>
    public RatioEstimate Estimate { get; }

    /// <summary>The estimate's ratio (<see cref="RatioEstimate.Ratio"/>): in units of L when <see cref="DecidedPerLatency"/>.</summary>
    public double Ratio => Estimate.Ratio;

    /// <summary>True when each side's times were taken in units of its own L before the estimate and the test.</summary>
    public bool DecidedPerLatency { get; }

    /// <summary>The estimate as a ratio of times (L not taken out): <see cref="Ratio"/> unless <see cref="DecidedPerLatency"/>.</summary>
    public double TimeRatio { get; }

    /// <summary>True when the process is the unit: the moderated t-test on log process medians decided.</summary>
    public bool PerProcess => Moderated is not null;

    /// <summary>A's figure as the estimate reads it: the geometric mean of its process medians (per process), else the median iteration.</summary>
    public double CenterA => PerProcess ? A.CellEstimate : A.Median;

    /// <summary>B's figure as the estimate reads it (<see cref="CenterA"/>).</summary>
    public double CenterB => PerProcess ? B.CellEstimate : B.Median;

    /// <summary>mean(B) / mean(A): shown, never decides (one slow batch can double it).</summary>
    public double MeanRatio { get; }

    /// <summary>median(B) / median(A): shown beside the estimate.</summary>
    public double MedianRatio { get; }

    /// <summary>The reproducibility rule: the ratio lies within ± the threshold. Ranges that overlap do not count.</summary>
    public bool Agrees { get; }

    /// <summary>L(B) / L(A), the case's L in each run's data file; null without both.</summary>
    public double? LatencyRatio { get; }

    /// <summary>The ratio with each run's L taken out (× L(A) / L(B)); null without both data files' L.</summary>
    public double? PerLatencyRatio { get; }

    /// <summary>The reproducibility rule applied to <see cref="PerLatencyRatio"/>; null without both L.</summary>
    public bool? AgreesPerLatency { get; }

    /// <summary>The Mann-Whitney test of the iterations; null in per-process mode.</summary>
    public MannWhitneyResult? Test { get; }

    /// <summary>The moderated t-test of the log process medians; null when the iterations decided.</summary>
    public ModeratedTResult? Moderated { get; }

    /// <summary>The two-sided p of whichever test decided.</summary>
    public double PValue => Moderated?.PValue ?? Test!.PValue;

    /// <summary>False when p is an approximation (the Mann-Whitney normal form beyond its exact limit); a t p is exact for its model.</summary>
    public bool PExact => Test?.Exact ?? true;

    /// <summary>Why the case is reported but not judged (a steady pool cell whose sides began measuring in different pool states); null when judged.</summary>
    public string? NotJudgedReason { get; private set; }

    /// <summary>The test's p adjusted over the comparison's cases (Benjamini-Hochberg); NaN for a case not judged.</summary>
    public double QValue { get; private set; } = double.NaN;

    /// <summary>The verdict, given once the comparison has adjusted every p.</summary>
    public Verdict Verdict => verdict ?? throw new InvalidOperationException($"{Key}: no verdict before the comparison's p-values are adjusted (VerdictRule.Apply).");

    /// <summary>Takes the case out of the verdicts (and out of the false-discovery control), with the reason the report prints.</summary>
    internal void SetAside(string reason)
    {
        NotJudgedReason = reason;
        verdict = Verdict.NotJudged;
    }

    internal void Decide(double qValue, Verdict decided)
    {
        QValue = qValue;
        verdict = decided;
    }
}
