using System.Globalization;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using IoBench.Benchmarks.Measurement;
using IoBench.Core.Statistics;

namespace IoBench.Benchmarks.Exporters;

/// <summary>
/// One measured cell of the data file: Mean with the range of its measured batches, plus whether its
/// measured series still moved (a monotonic trend beyond the noise, or a pool that grew while it was measured).
/// </summary>
internal sealed record ReportCell(TimeSpan Mean, TimeSpan Min, TimeSpan Max, IReadOnlyList<double> SeriesMs, CaseObservations Observations)
{
    /// <summary>The measured batches of each process, in the order they ran (<see cref="SeriesMs"/> is them one process after another).</summary>
    public IReadOnlyList<IReadOnlyList<double>> ProcessSeriesMs { get; init; } = [SeriesMs];

    public static ReportCell? From(BenchmarkReport? report)
    {
        if (report is null || !report.Success || report.ResultStatistics is not { } statistics)
        {
            return null;
        }

        // Whole batches: a per-operation family (OperationsPerInvoke = N) is multiplied back to its batch time.
        var perBatch = report.BenchmarkCase.Descriptor.OperationsPerInvoke;
        var measured = report.AllMeasurements.Where(m => m.Is(IterationMode.Workload, IterationStage.Actual)).ToList();
        // Qualified: the namespace IoBench.Benchmarks.Measurement hides BenchmarkDotNet's type of the same name here.
        double Ms(BenchmarkDotNet.Reports.Measurement m) => m.Nanoseconds / m.Operations * perBatch / 1e6;
        return new ReportCell(FromNs(statistics.Mean * perBatch), FromNs(statistics.Min * perBatch), FromNs(statistics.Max * perBatch), [.. measured.Select(Ms)], CaseObservations.From(report))
        {
            ProcessSeriesMs = [.. measured.GroupBy(m => m.LaunchIndex).OrderBy(g => g.Key).Select(g => (IReadOnlyList<double>)[.. g.Select(Ms)])],
        };
    }

    /// <summary>The spread a trend must reach to count: largest/smallest batch of the series (a size floor beside the test).</summary>
    public const double TrendRatio = 1.2;

    /// <summary>
    /// "rising" or "falling" when the measured batches of a process trend: the two-sided Mann-Kendall test
    /// (<see cref="MannKendallTest"/>, exact without ties) rejects "no trend" at α = <see cref="MannKendallTest.DefaultAlpha"/>,
    /// an error rate that holds at any number of batches, and the series spans at least <see cref="TrendRatio"/>. Five
    /// batches need a strictly monotone series (p = 2/120 = 0.017); twelve need |S| of at least 30 of 66 (p = 0.045); three
    /// or fewer can never reach it (the default suite's two batches a process and the comparison's three: their
    /// processes' spread is what the cell's prediction interval and the comparison's test measure instead). Each process is
    /// tested on its own: processes follow one another in no order of time that a trend could run along.
    /// </summary>
    public string? Trend =>
        ProcessSeriesMs
            .Select(series => MannKendallTest.TwoSided(series) is { PValue: < MannKendallTest.DefaultAlpha } test && series.Max() / series.Min() >= TrendRatio ? (test.S > 0 ? "rising" : "falling") : null)
            .FirstOrDefault(trend => trend is not null);

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
