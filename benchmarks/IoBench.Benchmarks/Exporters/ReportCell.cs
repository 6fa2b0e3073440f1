using System.Globalization;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using IoBench.Benchmarks.Columns;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Exporters;

/// <summary>
/// One measured cell of the report: Mean with the range of its measured batches and Mean/max(L), plus whether its
/// measured series still moved (a monotonic trend beyond the noise, or a pool that grew while it was measured).
/// </summary>
internal sealed record ReportCell(TimeSpan Mean, TimeSpan Min, TimeSpan Max, IReadOnlyList<double> SeriesMs, CaseObservations Observations)
{
    /// <summary>A series whose every step goes the same way and whose largest/smallest is at least this is a trend, not noise.</summary>
    public const double TrendRatio = 1.3;

    public static ReportCell? From(BenchmarkReport? report)
    {
        if (report is null || !report.Success || report.ResultStatistics is not { } statistics)
        {
            return null;
        }

        var series = report.AllMeasurements
            .Where(m => m.Is(IterationMode.Workload, IterationStage.Actual))
            .Select(m => m.Nanoseconds / m.Operations / 1e6)
            .ToList();
        return new ReportCell(FromNs(statistics.Mean), FromNs(statistics.Min), FromNs(statistics.Max), series, CaseObservations.From(report));
    }

    /// <summary>Each measured batch slower (or faster) than the one before, by TrendRatio overall.</summary>
    public string? Trend
    {
        get
        {
            if (SeriesMs.Count < 3)
            {
                return null;
            }

            var rising = SeriesMs.Zip(SeriesMs.Skip(1)).All(p => p.Second > p.First);
            var falling = SeriesMs.Zip(SeriesMs.Skip(1)).All(p => p.Second < p.First);
            return (rising || falling) && SeriesMs.Max() / SeriesMs.Min() >= TrendRatio ? (rising ? "rising" : "falling") : null;
        }
    }

    /// <summary>
    /// Why this figure is not a steady one, or null when it is: a trending series, or — for a cell whose time depends on
    /// the pool's history — a pool that still added threads while it was measured.
    /// </summary>
    public string? NotSteady(bool dependsOnPool) =>
        dependsOnPool && Observations.PoolGrewWhileMeasured && Observations.Pool is { } pool
            ? string.Create(CultureInfo.InvariantCulture, $"pool still growing: {pool.Start}→{pool.End} threads while measured")
            : Trend is { } trend ? $"{trend} series" : null;

    public string Format(TimeSpan latency) => string.Create(
        CultureInfo.InvariantCulture,
        $"{BatchColumn.Milliseconds(Mean)} [{Short(Min)}–{Short(Max)}] ({Bounds.ConcurrencyFactor(Mean, latency):0.00})");

    private static string Short(TimeSpan value) =>
        value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 100 ? "N0" : value.TotalMilliseconds >= 1 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    private static TimeSpan FromNs(double nanoseconds) => TimeSpan.FromTicks((long)(nanoseconds / 100));
}
