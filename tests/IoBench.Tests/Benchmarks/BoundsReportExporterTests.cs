using System.Text.Json;
using System.Text.RegularExpressions;
using IoBench.Benchmarks.Exporters;
using IoBench.Core.Strategies;
using IoBench.Report;
using static IoBench.Tests.Benchmarks.KnownSummary;

namespace IoBench.Tests.Benchmarks;

public sealed class BoundsReportExporterTests
{
    private static readonly string Report = new BoundsReportExporter(DefaultSettings).Render(Create(
        (StrategyKind.Sequential, 1, 0, 25, LatencyLines(25)),
        (StrategyKind.Task, 10, 0, 27.5, null),
        (StrategyKind.Task, 1000, 0, 30, null)));

    [Fact]
    public void Render_MeasuredCell_ShowsMeanAndConcurrencyFactor() => Assert.Contains("| 27.5 ms [27.5–27.5] (1.10) |", Report);

    [Fact]
    public void Render_Bounds_AreRowsOfTheMatrix()
    {
        Assert.Contains("| *N×L (sequential bound, blocking L)* | *25.0 ms* | *250 ms* | *2,500 ms* | *25,000 ms* |", Report);
        Assert.Contains("| *max(L) (overlapped bound)* | *25.0 ms* | *25.0 ms* | *25.0 ms* | *25.0 ms* |", Report);
    }

    [Fact]
    public void Render_CellOverBudget_IsMarkedNotRunWithTheReason() =>
        Assert.Contains("not run: sequential by nature: N×L = 20 s per batch", Report);

    [Fact]
    public void Render_Header_NamesTheEnvironment()
    {
        // The version the suite runs on is the one Directory.Packages.props pins (a stale pin or a second copy fails here).
        var pinned = Regex.Match(File.ReadAllText(Repository.PathOf("Directory.Packages.props")), "Include=\"BenchmarkDotNet\" Version=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("0.15.", pinned, StringComparison.Ordinal);
        Assert.Contains($"BenchmarkDotNet v{pinned},", Report, StringComparison.Ordinal);
        Assert.Contains("Suite settings: IOBENCH_LATENCY_MS=20", Report);
    }

    [Fact]
    public void Render_IsAPureFunctionOfTheDataFile()
    {
        // What the run writes to iobench-data.json, read back, renders to the report the run wrote: nothing else is read.
        var summary = Create((StrategyKind.Sequential, 1, 0, 25, LatencyLines(25)), (StrategyKind.Task, 10, 0, 27.5, null));
        var json = JsonSerializer.Serialize(new DataExporter(DefaultSettings).Build(summary), ReportSet.Json);

        Assert.Equal(new BoundsReportExporter(DefaultSettings).Render(summary), MarkdownReport.Render(JsonSerializer.Deserialize<RunData>(json, ReportSet.Json)!));
    }
}
