using System.Text.RegularExpressions;
using IoBench.Compare;
using IoBench.Report;

namespace IoBench.Tests.Results;

/// <summary>
/// Every current result folder re-renders byte for byte from its data: the reports, charts and at-a-glance from
/// iobench-data.json (scripts/report.sh), the comparison reports from BenchmarkDotNet's full JSON
/// (scripts/compare-runs.sh). The defect: a checked-in file the code no longer makes from the data (an at-a-glance left
/// stale after a rule changed) would be found by a reader, not here. Renders go to memory or a temporary folder, never
/// into results/. Previous and superseded runs keep the files they were published with and are not checked.
/// </summary>
public sealed partial class CurrentResultsTests
{
    /// <summary>The current runs with a data file, as results/README.md lists them.</summary>
    public static TheoryData<string> CurrentRuns => new(CurrentRunNames);

    private static readonly string[] CurrentRunNames =
    [
        "2026-12-06-net10-debian12-2core-v5",
        "2026-12-06-net10-debian12-2core-v5-repeat",
        "2026-12-04-net10-debian12-2core-cost/cost",
        "2026-12-04-net10-debian12-2core-cost/scaling",
        "2026-12-04-net10-debian12-2core-starvation",
        "2026-12-06-runtimes-net8-net9-net10-debian12-2core",
        "2026-12-06-http-call-nginx-debian12-2core",
        "2026-12-06-sql-call-postgres-debian12-2core",
        "2026-12-06-net10-debian12-2core-quick",
    ];

    /// <summary>Runs kept as published (previous, superseded, or an earlier run of a current one): not re-rendered.</summary>
    private static readonly string[] PreviousRuns =
    [
        "2026-11-22-net10-debian12-2core",
        "2026-11-23-net10-debian12-2core",
        "2026-11-23-net10-debian12-2core-repeat",
        "2026-11-23-net10-debian12-2core-v2",
        "2026-11-23-net10-debian12-2core-v2-repeat",
        "2026-11-23-net10-debian12-2core-v3",
        "2026-11-23-net10-debian12-2core-v3-repeat",
        "2026-11-23-net10-debian12-2core-v4",
        "2026-11-23-net10-debian12-2core-v4-repeat",
        "2026-11-23-net10-debian12-2core-cost/cost",
        "2026-11-23-net10-debian12-2core-cost/scaling",
        "2026-11-23-net10-debian12-2core-cost/earlier-run",
        "2026-11-23-net10-debian12-2core-starvation",
        "2026-11-23-net10-debian12-2core-starvation/repeat",
        "2026-11-23-runtimes-net8-net9-net10-debian12-2core",
        "2026-11-23-runtimes-net8-net9-net10-debian12-2core/wide-first-run",
    ];

    /// <summary>The current comparison reports: the file, and the compare-runs arguments results/README.md gives for it.</summary>
    public static TheoryData<string, string[]> CurrentComparisons => new()
    {
        { "2026-12-06-net10-debian12-2core-v5/reproducibility.md", ["2026-12-06-net10-debian12-2core-v5-repeat", "2026-12-06-net10-debian12-2core-v5"] },
        { "2026-12-06-runtimes-net8-net9-net10-debian12-2core/runtime-comparison.md", ["2026-12-06-runtimes-net8-net9-net10-debian12-2core", "--baseline", "net8.0"] },
    };

    [Theory]
    [MemberData(nameof(CurrentRuns))]
    public void Render_CurrentRun_GivesTheCheckedInFiles(string run)
    {
        var folder = Repository.PathOf("results", run);
        var files = ReportSet.Render(ReportSet.Read(Path.Combine(folder, RunData.FileName)));

        foreach (var (fileName, text) in files)
        {
            var published = Path.Combine(folder, fileName);
            Assert.True(File.Exists(published), $"results/{run}/{fileName} is rendered from the data file but not checked in (scripts/report.sh results/{run})");
            // Text equality: a failure shows where the two differ.
            Assert.Equal(File.ReadAllText(published), text);
        }

        // A chart checked in that the data no longer renders is stale too.
        Assert.All(Directory.GetFiles(folder, "chart-*.svg").Select(Path.GetFileName), f => Assert.Contains(files, r => r.FileName == f));
    }

    [Theory]
    [MemberData(nameof(CurrentComparisons))]
    public void Compare_CurrentComparison_GivesTheCheckedInReport(string report, string[] arguments)
    {
        var output = new StringWriter();
        var args = arguments.Select(a => a.StartsWith('-') || a.StartsWith("net", StringComparison.Ordinal) ? a : Repository.PathOf("results", a)).ToList();

        Assert.Equal(CompareCommand.Compared, CompareCommand.Run(args, output, TextWriter.Null));

        // The inputs are named as they were typed (results/... from the repository's root, or the run's own artifacts
        // folder): the paths are the one part not made from the data.
        Assert.Equal(MaskInputs(File.ReadAllText(Repository.PathOf("results", report))), MaskInputs(output.ToString()));
    }

    [Fact]
    public void EveryResultFolderWithData_IsCurrentOrPrevious()
    {
        var listed = CurrentRunNames.Concat(PreviousRuns).ToHashSet(StringComparer.Ordinal);
        var results = Repository.PathOf("results");
        var withData = Directory.GetFiles(results, RunData.FileName, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(results, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Where(f => !PreviousRuns.Any(p => f.StartsWith(p + "/", StringComparison.Ordinal)))
            .ToList();

        Assert.All(withData, f => Assert.Contains(f, listed));
    }

    private static string MaskInputs(string markdown) => InputPath().Replace(markdown, "$1`INPUT`");

    [GeneratedRegex(@"^(- \*\*(?:A|B|Run)\*\*: )`[^`]*`", RegexOptions.Multiline)]
    private static partial Regex InputPath();
}
