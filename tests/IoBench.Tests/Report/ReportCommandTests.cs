using IoBench.Report;

namespace IoBench.Tests.Report;

/// <summary>
/// scripts/report.sh's command on the checked-in fixture: the report and the chart come out byte for byte as expected,
/// the same input gives the same bytes, bad input leaves the old files, and every published data file renders.
/// </summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void Run_FixtureDataFile_WritesTheExpectedReportAndChart()
    {
        using var folder = new ResultFolder(ReportFixture.DataFile);

        Assert.Equal(0, ReportCommand.Run([folder.Path], TextWriter.Null, TextWriter.Null));

        var written = Directory.GetFiles(folder.Path).Select(Path.GetFileName).Where(f => f != RunData.FileName).Order(StringComparer.Ordinal).ToList();
        if (ReportFixture.UpdateExpected)
        {
            written.ForEach(f => File.Copy(Path.Combine(folder.Path, f!), Path.Combine(ReportFixture.Expected, f!), overwrite: true));
        }

        Assert.Equal(Directory.GetFiles(ReportFixture.Expected).Select(Path.GetFileName).Order(StringComparer.Ordinal), written);
        foreach (var file in written)
        {
            // Text equality first: a failure then shows where the two differ.
            Assert.Equal(File.ReadAllText(Path.Combine(ReportFixture.Expected, file!)), File.ReadAllText(Path.Combine(folder.Path, file!)));
        }
    }

    // The expected files are the code's own output; these figures were read from iobench-data.json by hand, so a
    // defect that regenerated expected/ with wrong numbers (a cell from the wrong regime, L from the wrong form, a row
    // or a bound missing from the chart) still fails here.
    [Fact]
    public void Render_Fixture_ShowsTheFiguresReadFromTheData()
    {
        var files = ReportSet.Render(ReportSet.Read(ReportFixture.DataFile)).ToDictionary(f => f.FileName, f => f.Text);

        // Sleep Task N = 100, steady: batches 20.748, 20.314, 20.399, 20.470, 20.366 ms, Mean 20.4593; L (async) 20.8326 ms.
        Assert.Contains("| Task | not run: N = 1 is one operation: L, sampled by Sequential | 20.4 ms [20.3–20.7] (0.98) |", files[MarkdownReport.FileName], StringComparison.Ordinal);
        // Claim 1: Sequential N = 10 within 3% of N×L (1.025) and Task N = 100 at 0.98 × max(L) (≤ 1.1): holds.
        Assert.Contains("| Sequential 206 ms = 1.025 × N×L; Task 20.5 ms = 0.98 × max(L) | **holds** |", files["at-a-glance.md"], StringComparison.Ordinal);
        // Best at N = 100: Task 20.31-20.75 ms and Bounded (no K) overlap, so no best strategy is named.
        Assert.Contains("| Sleep | not decided on this run: Task 0.98 and Bounded 1.00 (N = 100) overlap", files["at-a-glance.md"], StringComparison.Ordinal);
        // Six rows with a steady line (Sequential, Task, ThreadPool, Bounded, Bounded K = 10, SyncOverAsync), two with a cold
        // one (ThreadPool, SyncOverAsync), and three bounds (N×L, max(L), max of N): 11 lines.
        Assert.Equal(11, files["chart-sleep.svg"].Split("<polyline").Length - 1);
    }

    [Fact]
    public void Render_SameDataTwice_GivesTheSameBytes()
    {
        var first = ReportSet.Render(ReportSet.Read(ReportFixture.DataFile));
        var second = ReportSet.Render(ReportSet.Read(ReportFixture.DataFile));

        Assert.Equal(first, second);
        Assert.Contains(first, f => f.FileName == "chart-sleep.svg");
    }

    [Fact]
    public void Run_CorruptDataFile_Exits2AndLeavesTheOldFiles()
    {
        using var folder = new ResultFolder(ReportFixture.DataFile);
        Assert.Equal(0, ReportCommand.Run([folder.Path], TextWriter.Null, TextWriter.Null));
        var report = Path.Combine(folder.Path, MarkdownReport.FileName);
        var before = File.ReadAllBytes(report);
        File.WriteAllText(Path.Combine(folder.Path, RunData.FileName), "{\"SchemaVersion\": 2, \"Cases\": [");
        var error = new StringWriter();

        Assert.Equal(2, ReportCommand.Run([folder.Path], TextWriter.Null, error));

        Assert.StartsWith("iobench-report: error: ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(report));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.partial"));
    }

    [Fact]
    public void Run_FolderWithAChartOfAnotherRun_RemovesIt()
    {
        using var folder = new ResultFolder(ReportFixture.DataFile);
        File.WriteAllText(Path.Combine(folder.Path, "chart-gone.svg"), "<svg/>");

        Assert.Equal(0, ReportCommand.Run([folder.Path], TextWriter.Null, TextWriter.Null));

        Assert.False(File.Exists(Path.Combine(folder.Path, "chart-gone.svg")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "chart-sleep.svg")));
    }

    [Fact]
    public void Run_NoDataFile_Exits2WithOneLine()
    {
        var error = new StringWriter();

        Assert.Equal(2, ReportCommand.Run([Path.Combine(Path.GetTempPath(), "iobench-no-such-run")], TextWriter.Null, error));

        Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Render_EveryPublishedDataFile_HasEveryFamilyAndItsChart()
    {
        var dataFiles = Directory.GetDirectories(Repository.PathOf("results")).Select(f => Path.Combine(f, RunData.FileName)).Where(File.Exists).ToList();
        Assert.NotEmpty(dataFiles);
        foreach (var dataFile in dataFiles)
        {
            var run = ReportSet.Read(dataFile);
            var files = ReportSet.Render(run);
            var report = files.Single(f => f.FileName == MarkdownReport.FileName).Text;
            foreach (var title in run.Cases.Select(c => FamilyData.TitleOf(c.Workload, c.Parameters)).Distinct())
            {
                // A comparison run has a section per family and runtime ("## Cpu on .NET 8.0.33 (net8.0 jobs)").
                Assert.True(report.Contains($"## {title}\n", StringComparison.Ordinal) || report.Contains($"## {title} on .NET ", StringComparison.Ordinal), $"{dataFile}: no section for {title}");
            }

            // Every chart is shown by a report of the set: the families' in iobench-report.md, the starvation lab's in its own.
            var reports = string.Concat(files.Where(f => f.FileName.EndsWith(".md", StringComparison.Ordinal)).Select(f => f.Text));
            Assert.All(files.Where(f => f.FileName.EndsWith(".svg", StringComparison.Ordinal)), f => Assert.Contains($"]({f.FileName})", reports, StringComparison.Ordinal));
        }
    }

    /// <summary>A temporary result folder holding a copy of a data file.</summary>
    private sealed class ResultFolder : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("iobench-report-");

        public ResultFolder(string dataFile) => File.Copy(dataFile, System.IO.Path.Combine(_folder.FullName, RunData.FileName));

        public string Path => _folder.FullName;

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
