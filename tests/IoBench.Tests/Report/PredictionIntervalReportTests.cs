using IoBench.Core.Statistics;
using IoBench.Report;

namespace IoBench.Tests.Report;

/// <summary>
/// iobench-report.md for a run with per-process medians (schema 4): each steady and cold cell shows its estimate with its
/// 90% prediction interval, and each family its between-process variation; a run without them renders as before.
/// </summary>
public sealed class PredictionIntervalReportTests
{
    [Fact]
    public void Render_ProcessMedians_EachCellWithItsIntervalAndTheFamilyTable()
    {
        // Every case of the small run given 3 processes at 0.98, 1, 1.02 × its mean: s_f is the same in every cell, so the
        // interval of a cell is known. Defect caught: the interval from the cell's own batches (its [min–max]) or missing.
        var run = ReportSet.Read(ReportFixture.DataFile);
        var spread = new[] { 0.98, 1.0, 1.02 };
        var withProcesses = run with
        {
            SchemaVersion = 4,
            Cases = [.. run.Cases.Select(c => c.MeanMs is { } mean && c.Success ? c with { ProcessMediansMs = [.. spread.Select(s => s * mean)] } : c)],
        };

        var report = MarkdownReport.Render(withProcesses);

        var task = withProcesses.Cases.First(c => c is { Workload: "Sleep", Strategy: "Task", N: 10, Regime: "Steady" }); // about 20 ms: one decimal
        var steadyCells = withProcesses.Cases.Where(c => c.Workload == "Sleep" && c.Regime == "Steady" && c.ProcessMediansMs is not null).ToList();
        var interval = BetweenProcessVariance.Of(steadyCells.Select(c => c.ProcessMediansMs!)).Predict(task.ProcessMediansMs!, 3)!;
        Assert.Contains(FormattableString.Invariant($" est. {interval.Estimate:0.0} ms, 90% PI {interval.Lower:0.0}–{interval.Upper:0.0}"), report, StringComparison.Ordinal);
        Assert.Contains("| Regime | s_f (log scale) | df | Cells |", report, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"| steady | {BetweenProcessVariance.Of(steadyCells.Select(c => c.ProcessMediansMs!)).StandardDeviation:0.0000} | {2 * steadyCells.Count} | {steadyCells.Count} |"), report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutProcessMedians_NoIntervalNoTable()
    {
        var report = MarkdownReport.Render(ReportSet.Read(ReportFixture.DataFile));

        Assert.DoesNotContain("90% PI", report, StringComparison.Ordinal);
        Assert.DoesNotContain("s_f", report, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(ReportFixture.Expected, MarkdownReport.FileName)), report);
    }
}
