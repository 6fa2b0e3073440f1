using System.Globalization;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using IoBench.Core.Statistics;

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

    /// <summary>The spread a trend must reach to count: largest/smallest batch of the series (a size floor beside the test).</summary>
    public const double TrendRatio = 1.2;

    /// <summary>
    /// "rising" or "falling" when the measured batches trend: the two-sided Mann-Kendall test
    /// (<see cref="MannKendallTest"/>, exact without ties) rejects "no trend" at α = <see cref="MannKendallTest.DefaultAlpha"/>,
    /// an error rate that holds at any number of batches, and the series spans at least <see cref="TrendRatio"/>. Five
    /// batches need a strictly monotone series (p = 2/120 = 0.017); twelve need |S| of at least 30 of 66 (p = 0.045).
    /// </summary>
    public string? Trend =>
        MannKendallTest.TwoSided(SeriesMs) is { PValue: < MannKendallTest.DefaultAlpha } test && SeriesMs.Max() / SeriesMs.Min() >= TrendRatio
            ? (test.S > 0 ? "rising" : "falling")
            : null;

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
