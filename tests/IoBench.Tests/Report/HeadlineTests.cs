using IoBench.Report;

namespace IoBench.Tests.Report;

/// <summary>
/// The README's headline table (scripts/report.sh --headline): rendered between its markers from a run's data file, the
/// hand-written rest of the file kept, and a run it cannot show refused without touching the file.
/// </summary>
public sealed class HeadlineTests
{
    [Fact]
    public void Headline_Twice_ReplacesItsBlockKeepsTheRestAndShowsBothBounds()
    {
        var folder = Directory.CreateTempSubdirectory("iobench-headline-");
        try
        {
            var readme = Path.Combine(folder.FullName, "README.md");
            File.WriteAllText(readme, "# A project\n\nWritten by hand.\n");
            var run = ReportSet.Read(ReportFixture.DataFile);

            GeneratedBlock.HeadlineTable.Write(readme, Path.Combine(folder.FullName, "run-1"), run);
            var once = File.ReadAllText(readme);
            GeneratedBlock.HeadlineTable.Write(readme, Path.Combine(folder.FullName, "run-1"), run);

            Assert.Equal(once, File.ReadAllText(readme));
            Assert.StartsWith("# A project\n\nWritten by hand.\n", once, StringComparison.Ordinal);
            Assert.Contains("[the current run](run-1/iobench-report.md)", once, StringComparison.Ordinal);
            Assert.Contains("| *N×L* |", once, StringComparison.Ordinal);
            Assert.Contains("| *max(L)* |", once, StringComparison.Ordinal);
            Assert.Contains("| Sequential |", once, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ReportCommand_HeadlineOfARunWithoutSleep_Returns2AndLeavesTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("iobench-headline-");
        try
        {
            var run = ReportSet.Read(ReportFixture.DataFile);
            var runFolder = Directory.CreateDirectory(Path.Combine(folder.FullName, "run")).FullName;
            File.WriteAllText(Path.Combine(runFolder, RunData.FileName), System.Text.Json.JsonSerializer.Serialize(run with { Cases = [.. run.Cases.Select(c => c with { Workload = "Renamed" })], Families = run.Families?.Select(f => f with { Workload = "Renamed" }).ToList() }, ReportSet.Json));
            var readme = Path.Combine(folder.FullName, "README.md");
            File.WriteAllText(readme, "# A project\n");
            var error = new StringWriter();

            Assert.Equal(2, ReportCommand.Run(["--headline", readme, runFolder], TextWriter.Null, error));
            Assert.Equal("# A project\n", File.ReadAllText(readme));
            Assert.Contains("no Sleep family", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
