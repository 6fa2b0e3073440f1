using IoBench.Benchmarks.Exporters;
using IoBench.Core.Settings;

namespace IoBench.Tests.Benchmarks;

/// <summary>
/// Where a run writes and what it says at its end: BenchmarkDotNet.Artifacts under the folder the user stands in (as
/// BenchmarkDotNet itself and `dotnet run` from the app's folder do; scripts/bench.sh the same), and closing lines naming
/// the report, the at-a-glance, the charts and the data file from there, with the command that compares the run. The
/// defects they catch: a run that ended with BenchmarkDotNet's timings and no word of its reports, and bench.sh writing
/// into the repository's root whatever folder it was called from.
/// </summary>
public sealed class RunOutputTests
{
    private static readonly string[] TinyRun = ["--quick", "--filter", "*.SleepBenchmarks.*", "--ops", "1", "--strategies", "Sequential"];

    [Fact]
    public async Task Main_FromAnyFolder_WritesThereAndEndsWithThePathsItWrote()
    {
        // A folder of its own, as a user's current folder (dotnet run keeps the caller's): not the app's, where BenchmarkApp runs.
        var here = Directory.CreateDirectory(Repository.PathOf("tests", "IoBench.Tests", "bin", "run-here-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var (exitCode, output) = await BenchmarkApp.RunAsync(start => start.WorkingDirectory = here, TimeSpan.FromMinutes(2), TinyRun);
            Assert.True(exitCode == 0, output);
            AssertEndsWithPathsThatExist(output, here);
        }
        finally
        {
            Directory.Delete(here, recursive: true);
        }
    }

    [Fact]
    public async Task BenchSh_FromAnyFolder_WritesThereAndEndsWithThePathsItWrote()
    {
        // Under the repository's gitignored bin/ rather than /tmp: BenchmarkDotNet refuses a project under the temp folder,
        // and dotnet run builds the app (up to date after the solution's build, so no compile).
        var here = Directory.CreateDirectory(Repository.PathOf("tests", "IoBench.Tests", "bin", "bench-here-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(Repository.PathOf("scripts", "bench.sh")) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = here };
            foreach (var arg in TinyRun)
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("IOBENCH_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            // The run has no PostgreSQL family: a connection string set keeps bench.sh from starting the project's server.
            start.Environment["IOBENCH_POSTGRES"] = SuiteSettings.DefaultPostgres;
            var (exitCode, output) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(4));
            Assert.True(exitCode == 0, output);
            AssertEndsWithPathsThatExist(output, here);
        }
        finally
        {
            Directory.Delete(here, recursive: true);
        }
    }

    [Fact]
    public void Lines_InTheRepository_AreRelativeToTheCurrentFolder_AndOutsideItWhole()
    {
        var repository = Path.Combine(Path.GetTempPath(), "repo");
        var app = Path.Combine(repository, "benchmarks", "IoBench.Benchmarks");
        var results = Path.Combine(app, "BenchmarkDotNet.Artifacts", "results");
        string[] files = [Path.Combine(results, "iobench-report.md"), Path.Combine(results, "at-a-glance.md"), Path.Combine(results, "chart-sleep.svg"), Path.Combine(results, "iobench-data.json")];

        var lines = RunPaths.Lines(files, app, repository, severalRuntimes: false);
        Assert.Equal("  report       BenchmarkDotNet.Artifacts/results/iobench-report.md", lines[1]);
        Assert.Equal("  at a glance  BenchmarkDotNet.Artifacts/results/at-a-glance.md", lines[2]);
        Assert.Equal("  chart        BenchmarkDotNet.Artifacts/results/chart-sleep.svg", lines[3]);
        Assert.Equal("  data         BenchmarkDotNet.Artifacts/results/iobench-data.json", lines[4]);
        Assert.StartsWith("  compare      ../../scripts/compare-runs.sh OTHER-RUN BenchmarkDotNet.Artifacts/results ", lines[5], StringComparison.Ordinal);

        // Written outside the current folder and the repository (--artifacts /var/tmp/...): whole paths, not ../../../var.
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere", "results");
        var away = RunPaths.Lines([Path.Combine(elsewhere, "iobench-data.json")], app, repository, severalRuntimes: true);
        Assert.Equal($"  data         {Path.Combine(elsewhere, "iobench-data.json")}", away[1]);
        Assert.StartsWith($"  compare      ../../scripts/compare-runs.sh {elsewhere} ", away[2], StringComparison.Ordinal);

        Assert.Empty(RunPaths.Lines([Path.Combine(results, "iobench-report.md")], app, repository, severalRuntimes: false));
    }

    /// <summary>The output's last lines name the four kinds of file, each of which exists from <paramref name="here"/>, under its BenchmarkDotNet.Artifacts.</summary>
    private static void AssertEndsWithPathsThatExist(string output, string here)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindLastIndex(l => l.StartsWith("iobench: the run wrote", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no closing lines in:\n{string.Join('\n', lines.TakeLast(30))}");
        var closing = lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        var paths = closing.Where(l => !l.StartsWith("  compare", StringComparison.Ordinal)).Select(l => l[15..]).ToList();
        foreach (var kind in new[] { "  report ", "  at a glance ", "  chart ", "  data " })
        {
            Assert.Contains(closing, l => l.StartsWith(kind, StringComparison.Ordinal));
        }

        foreach (var path in paths)
        {
            Assert.StartsWith("BenchmarkDotNet.Artifacts/results/", path, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(here, path)), $"{path} does not exist under {here}");
        }

        Assert.Contains(closing, l => l.StartsWith("  compare      ", StringComparison.Ordinal) && l.Contains("compare-runs.sh OTHER-RUN BenchmarkDotNet.Artifacts/results", StringComparison.Ordinal));
    }
}
