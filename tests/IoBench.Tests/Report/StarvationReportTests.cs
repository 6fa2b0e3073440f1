using IoBench.Report;

namespace IoBench.Tests.Report;

/// <summary>
/// The starvation lab's report and charts from a trimmed real data file: byte for byte the expected files, the same bytes
/// twice, and nothing of the lab for a run without it.
/// </summary>
public sealed class StarvationReportTests
{
    private static readonly string[] LabFiles = ["starvation-lab.md", "chart-starvation-timeline-threadpool-n100.svg", "chart-starvation-timeline-syncoverasync-n100.svg", "chart-starvation-bursts.svg"];

    [Fact]
    public void Render_LabFixture_GivesTheExpectedReportAndCharts()
    {
        var files = ReportSet.Render(ReportSet.Read(StarvationFixture.DataFile)).Where(f => LabFiles.Contains(f.FileName)).ToList();
        if (ReportFixture.UpdateExpected)
        {
            Directory.CreateDirectory(StarvationFixture.Expected);
            files.ForEach(f => File.WriteAllText(Path.Combine(StarvationFixture.Expected, f.FileName), f.Text));
        }

        Assert.Equal(LabFiles.Order(StringComparer.Ordinal), files.Select(f => f.FileName).Order(StringComparer.Ordinal));
        foreach (var (fileName, text) in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(StarvationFixture.Expected, fileName)), text);
        }
    }

    [Fact]
    public void Render_LabFixture_NamesTheInjectionRatesAndTheMechanism()
    {
        var report = ReportSet.Render(ReportSet.Read(StarvationFixture.DataFile)).Single(f => f.FileName == "starvation-lab.md").Text;

        Assert.Contains("## Injection rate", report, StringComparison.Ordinal);
        Assert.Contains("threads/s", report, StringComparison.Ordinal);
        Assert.Contains("NotifyThreadBlocked", report, StringComparison.Ordinal);
        Assert.Contains("](chart-starvation-bursts.svg)", report, StringComparison.Ordinal);
    }

    // Read from iobench-data.json by hand (the lab table shows the median batch and the range): SyncOverAsync N = 100,
    // default minimum, steady batches 6035, 3790, 2259.6, 1530, 1014 ms and cold 6051.9, 6071.1, 6076.3 ms; with the
    // minimum raised to N, cold 51.7, 52.3, 130.4 ms. The defect: expected/ regenerated from a lab that swapped the
    // minimums or the regimes, or showed the mean (2.93 s) as the median.
    [Fact]
    public void Render_LabFixture_ShowsTheFiguresReadFromTheData()
    {
        var report = ReportSet.Render(ReportSet.Read(StarvationFixture.DataFile)).Single(f => f.FileName == "starvation-lab.md").Text;

        Assert.Contains("| SyncOverAsync | 100 | default (2) | 6.07 s [6.05 s–6.08 s] | 0→37 | 2.26 s [1.01 s–6.04 s] |", report, StringComparison.Ordinal);
        Assert.Contains("| SyncOverAsync | 100 | N (100) | 52.3 ms [51.7 ms–130 ms] |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunWithoutTheLab_HasNoLabFiles() =>
        Assert.DoesNotContain(ReportSet.Render(ReportSet.Read(ReportFixture.DataFile)), f => f.FileName.Contains("starvation", StringComparison.Ordinal));
}
