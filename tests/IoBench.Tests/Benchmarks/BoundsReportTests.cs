using IoBench.Benchmarks.Exporters;
using IoBench.Core.Strategies;
using static IoBench.Tests.Benchmarks.KnownSummary;

namespace IoBench.Tests.Benchmarks;

/// <summary>The IoBench report on known summaries: the server's thread peak appears only where a server reported it.</summary>
public sealed class BoundsReportTests
{
    private const string ServerHeading = "Latency server: peak thread-pool threads";

    [Fact]
    public void Render_ServerMetrics_ListsTheServersPeakPerCell()
    {
        var summary = Create(
            (StrategyKind.Sequential, 1, 0, 21, "// IoBench.Metrics threads=4 syncpct=- calls=8 minworkers=2 miniocp=1 serverthreads=3 serveros=17"),
            (StrategyKind.Task, 100, 0, 400, "// IoBench.Metrics threads=4 syncpct=0.0 calls=800 minworkers=2 miniocp=1 serverthreads=9 serveros=23"));

        var report = new BoundsReportExporter(DefaultSettings).Render(summary);

        Assert.Contains(ServerHeading, report, StringComparison.Ordinal);
        Assert.Contains("| Task | - | 9 |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoServerMetrics_HasNoServerTable() =>
        Assert.DoesNotContain(ServerHeading, new BoundsReportExporter(DefaultSettings).Render(Create((StrategyKind.Task, 10, 0, 21, null))), StringComparison.Ordinal);
}
