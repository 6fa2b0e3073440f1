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

    [Fact]
    public void Render_RunWithoutTheLab_HasNoLabFiles() =>
        Assert.DoesNotContain(ReportSet.Render(ReportSet.Read(ReportFixture.DataFile)), f => f.FileName.Contains("starvation", StringComparison.Ordinal));
}
