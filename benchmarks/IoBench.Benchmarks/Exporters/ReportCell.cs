using System.Globalization;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;

namespace IoBench.Benchmarks.Exporters;

/// <summary>
/// One measured cell of the data file: Mean with the range of its measured batches, plus whether its
/// measured series still moved (a monotonic trend beyond the noise, or a pool that grew while it was measured).
/// </summary>
internal sealed record ReportCell(TimeSpan Mean, TimeSpan Min, TimeSpan Max, IReadOnlyList<double> SeriesMs, CaseObservations Observations)
{
    public static ReportCell? From(BenchmarkReport? report)
    {
        if (report is null || !report.Success || report.ResultStatistics is not { } statistics)
        {
            return null;
        }

        // Whole batches: a per-operation family (OperationsPerInvoke = N) is multiplied back to its batch time.
        var perBatch = report.BenchmarkCase.Descriptor.OperationsPerInvoke;
        var series = report.AllMeasurements
            .Where(m => m.Is(IterationMode.Workload, IterationStage.Actual))
            .Select(m => m.Nanoseconds / m.Operations * perBatch / 1e6)
            .ToList();
        return new ReportCell(FromNs(statistics.Mean * perBatch), FromNs(statistics.Min * perBatch), FromNs(statistics.Max * perBatch), series, CaseObservations.From(report));
    }

    /// <summary>The spread a trend must reach to count: largest/smallest batch of the series.</summary>
    public const double TrendRatio = 1.2;

    /// <summary>
    /// Mann-Kendall's S as a share of its largest possible value: S = the number of later batches slower than an earlier
    /// one minus the number faster, over every pair. At least this share (8 of 10 pairs for five batches; one-sided
    /// p = 0.04 for no trend) is a trend.
    /// </summary>
    public const double TrendShare = 0.8;

    /// <summary>
    /// "rising" or "falling" when the measured batches trend: Mann-Kendall's S at least <see cref="TrendShare"/> of
    /// its maximum and the series spans at least <see cref="TrendRatio"/>; noise alone rarely orders five batches.
    /// </summary>
    public string? Trend
    {
        get
        {
            if (SeriesMs.Count < 3)
            {
                return null;
            }

            var s = 0;
            for (var i = 0; i < SeriesMs.Count; i++)
            {
                for (var j = i + 1; j < SeriesMs.Count; j++)
                {
                    s += Math.Sign(SeriesMs[j] - SeriesMs[i]);
                }
            }

            var pairs = SeriesMs.Count * (SeriesMs.Count - 1) / 2;
            return Math.Abs(s) >= TrendShare * pairs && SeriesMs.Max() / SeriesMs.Min() >= TrendRatio ? (s > 0 ? "rising" : "falling") : null;
        }
    }

    /// <summary>
    /// Why this figure is not a steady one, or null when it is: its measured batches trend. For a cell whose time depends
    /// on the pool's history, the pool's growth while it was measured is named with it; a pool that added a thread while
    /// the batch times stayed level does not make a figure unsteady (the Pool column shows it).
    /// </summary>
    public string? NotSteady(bool dependsOnPool) =>
        Trend is not { } trend ? null
        : dependsOnPool && Observations.PoolGrewWhileMeasured && Observations.Pool is { } pool
            ? string.Create(CultureInfo.InvariantCulture, $"{trend} series, pool still growing: {pool.Start}→{pool.End} threads while measured")
            : $"{trend} series";

    private static TimeSpan FromNs(double nanoseconds) => TimeSpan.FromTicks((long)(nanoseconds / 100));
}
