using IoBench.Report;

namespace IoBench.Tests.Report;

/// <summary>The report and the data file are written whole or not at all: a temporary file first, then one rename.</summary>
public sealed class ResultFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("iobench-resultfile-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Write_OverAnEarlierReportAndAStalePartial_LeavesOnlyTheNewReport()
    {
        var report = Path.Combine(_folder.FullName, "iobench-report.md");
        File.WriteAllText(report, "earlier run");
        File.WriteAllText(report + ".partial", "half of a run that was killed while writing");

        ResultFile.Write(_folder.FullName, "iobench-report.md", "this run");

        Assert.Equal("this run", File.ReadAllText(report));
        Assert.Equal([report], Directory.GetFiles(_folder.FullName));
    }
}
