using IoBench.Benchmarks.Exporters;
using IoBench.Core.Strategies;
using static IoBench.Tests.Benchmarks.KnownSummary;

namespace IoBench.Tests.Benchmarks;

/// <summary>The IoBench report on known summaries: the server's thread peak appears only where a server reported it.</summary>
public sealed class BoundsReportTests
{
    private const string ServerHeading = "Latency server: thread-pool threads";

    [Fact]
    public void Render_ServerMetrics_ListsTheServersPeakPerCell()
    {
        var summary = Create(
            (StrategyKind.Sequential, 1, 0, 21, "// IoBench.Batch pool=2->2 threads=4 syncpct=- calls=1 alloc=0 workitems=0 serverthreads=3"),
            (StrategyKind.Task, 100, 0, 400, "// IoBench.Batch pool=2->2 threads=4 syncpct=0.0 calls=100 alloc=0 workitems=0 serverthreads=9"));

        var report = new BoundsReportExporter(DefaultSettings).Render(summary);

        Assert.Contains(ServerHeading, report, StringComparison.Ordinal);
        Assert.Contains("| Task | - | 9 |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoServerMetrics_HasNoServerTable() =>
        Assert.DoesNotContain(ServerHeading, new BoundsReportExporter(DefaultSettings).Render(Create((StrategyKind.Task, 10, 0, 21, null))), StringComparison.Ordinal);
}
