using System.Globalization;
using IoBench.Core.Statistics;

namespace IoBench.Report.RunCheck;

/// <summary>
/// What makes a benchmark process's figures not mean one defined thing: (a) its measured batches trend, by the rule the
/// report's ⚠ uses (ReportCell.Trend in the benchmark app): the two-sided Mann-Kendall test rejects "no trend" at
/// α = <see cref="MannKendallTest.DefaultAlpha"/> and the series spans at least <see cref="TrendRatio"/>; (b) its
/// unmeasured first batch (jitting or warm-up) is <see cref="FirstBatchRatio"/> or more from the measured median either
/// way and more than <see cref="FirstBatchGapMs"/> apart, more than JIT explains (a pool that grew, a connection that
/// opened).
/// </summary>
internal static class RunCheckRule
{
    /// <summary>
    /// Largest/smallest measured batch a trend must reach: ReportCell.TrendRatio of the benchmark app, stated here
    /// because this project does not reference the app (the app references it).
    /// </summary>
    public const double TrendRatio = 1.2;

    /// <summary>The first batch's distance from the measured median, either way, that the outside check of 2026-11 flagged.</summary>
    public const double FirstBatchRatio = 3;

    /// <summary>JIT alone adds some 10-20 ms to a first batch: a gap of the whole batch's time below this is not flagged.</summary>
    public const double FirstBatchGapMs = 50;

    /// <summary>The rule in one sentence, for the output's header and a check-run.md.</summary>
    public static string Sentence { get; } = string.Create(CultureInfo.InvariantCulture,
        $"a process is flagged when its measured batches trend (two-sided Mann-Kendall test, p < {MannKendallTest.DefaultAlpha}, and largest/smallest batch >= {TrendRatio}x) or when its unmeasured first batch (jitting or warm-up) is >= {FirstBatchRatio}x from the measured median either way and more than {FirstBatchGapMs} ms apart.");

    /// <summary>The fewest batches whose most extreme order (strictly monotone) has p below α: 5 at α = 0.05 (4 give 2/24 = 0.083).</summary>
    public static int FewestTestableBatches { get; } = FindFewestTestable();

    public static IEnumerable<RunCheckFlag> Check(LoggedProcess process)
    {
        if (process.Measured.Count == 0)
        {
            yield break;
        }

        var series = process.Measured.Select(b => b.PerOperationMs).ToList();
        var test = MannKendallTest.TwoSided(series);
        var span = series.Max() / series.Min();
        if (test.PValue < MannKendallTest.DefaultAlpha && span >= TrendRatio)
        {
            yield return new RunCheckFlag(process, Invariant(
                $"trend {(test.S > 0 ? "rising" : "falling")} x{span:0.00}, p = {test.PValue:0.####} ({series.Count} batches): {process.Name}: {Times(series)}{PerOperation(process)}"));
        }

        if (process.Unmeasured.Count > 0)
        {
            // The ratio is the same per operation or per batch; the gap is the whole batch's, what a one-time cost adds to.
            var first = process.Unmeasured[0];
            var median = Median(process.Measured.Select(b => b.BatchMs).ToList());
            var ratio = first.BatchMs / median;
            if (Math.Abs(first.BatchMs - median) > FirstBatchGapMs && (ratio >= FirstBatchRatio || 1 / ratio >= FirstBatchRatio))
            {
                var medianPerOperation = Median(series);
                yield return new RunCheckFlag(process, Invariant(
                    $"first batch x{ratio:0.0#} the measured median: {process.Name}: first {Times([first.PerOperationMs], medianPerOperation)}, median {Times([medianPerOperation])}{PerOperation(process)}"));
            }
        }
    }

    private static string PerOperation(LoggedProcess process) =>
        process.Measured[0].Operations > 1 ? Invariant($" per operation ({process.Measured[0].Operations} a batch)") : "";

    /// <summary>
    /// Times in one unit, picked from the smallest scale among them (a zero-latency operation takes some 10 ns: 1.972E-05 ms
    /// reads worse than 19.72 ns), four significant digits.
    /// </summary>
    private static string Times(IReadOnlyList<double> ms, double? scaleMs = null)
    {
        var scale = Math.Min(scaleMs ?? double.MaxValue, ms.Min());
        var (unit, factor) = scale switch
        {
            < 1e-3 => ("ns", 1e6),
            < 1 => ("us", 1e3),
            _ => ("ms", 1.0),
        };
        return $"{string.Join(", ", ms.Select(v => (v * factor).ToString("G4", CultureInfo.InvariantCulture)))} {unit}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The median of a series (the mean of the middle two for an even count); the report's decision section uses it too.</summary>
    internal static double Median(IReadOnlyList<double> series)
    {
        var values = series.Order().ToList();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>The smallest p the test can give n batches: that of a strictly monotone series (2/n! without ties).</summary>
    public static double SmallestPValue(int n) => MannKendallTest.TwoSided([.. Enumerable.Range(0, n).Select(i => (double)i)]).PValue;

    private static int FindFewestTestable()
    {
        var n = 2;
        while (SmallestPValue(n) >= MannKendallTest.DefaultAlpha)
        {
            n++;
        }

        return n;
    }
}
