using System.Text.Json;
using IoBench.Compare;
using static IoBench.Tests.Compare.CompareFixtures;

namespace IoBench.Tests.Compare;

/// <summary>
/// compare-runs reads both runs' settings from their data files: different settings or a missing data file are refused
/// (exit code 2, one line) unless allowed, a different BenchmarkDotNet version is a warning; the CI gate and the JSON
/// summary; result folders named by relative paths.
/// </summary>
public sealed class CompareSettingsTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("iobench-compare-settings-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        return (CompareCommand.Run(args, output, error), output.ToString(), error.ToString());
    }

    /// <summary>A copy of run-b whose data file has one setting replaced (or no data file when <paramref name="from"/> is null).</summary>
    private string RunBWith(string? from, string to = "")
    {
        var folder = Path.Combine(scratch, "b");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RunB))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var data = Path.Combine(folder, CaseLatencies.DataFile);
        if (from is null)
        {
            File.Delete(data);
        }
        else
        {
            var text = File.ReadAllText(data);
            Assert.Contains(from, text, StringComparison.Ordinal);
            File.WriteAllText(data, text.Replace(from, to, StringComparison.Ordinal));
        }

        return folder;
    }

    private static void AssertRefused((int ExitCode, string Output, string Error) result, string expected)
    {
        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("iobench-compare: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"IOBENCH_LATENCY_MS\":\"20\"", "\"IOBENCH_LATENCY_MS\":\"10\"", "L (ms) 20 vs 10")]
    [InlineData("\"IOBENCH_OPS\":\"1,10,100,1000\"", "\"IOBENCH_OPS\":\"1,10,100\"", "N list 1,10,100,1000 vs 1,10,100")]
    [InlineData("Sequential,Thread,Task,ValueTask", "Task", "strategies Sequential,Thread,Task,ValueTask vs Task")]
    [InlineData("\"MinWorkerThreads\":2", "\"MinWorkerThreads\":200", "pool minimum of worker threads 2 vs 200")]
    [InlineData("\"Regime\":\"Batch\"", "\"Regime\":\"Steady\"", "regimes Batch vs Steady")]
    public void Run_MismatchedSettings_IsRefusedWithExitCode2(string from, string to, string expected)
    {
        // Defect caught: runs of different L or matrices compared case by case without a word.
        AssertRefused(Run(RunA, RunBWith(from, to)), $"were run with different settings: {expected} (--allow-different-settings");
    }

    [Fact]
    public void Run_FolderWithoutDataFile_IsRefusedWithExitCode2() =>
        AssertRefused(Run(RunA, RunBWith(null)), $"has no {CaseLatencies.DataFile}: its settings cannot be checked");

    [Fact]
    public void Run_AllowDifferentSettings_ComparesAndSaysWhatDiffered()
    {
        var (exitCode, output, error) = Run(RunA, RunBWith("\"IOBENCH_STEADY_WARMUP_S\":\"4\"", "\"IOBENCH_STEADY_WARMUP_S\":\"6\""), "--allow-different-settings");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("**Settings differ** (compared with --allow-different-settings; a ratio then mixes the change under test with these): steady warm-up (s) 4 vs 6.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AllowDifferentSettingsWithoutDataFile_SaysTheSettingsWereNotChecked()
    {
        var (exitCode, output, _) = Run(RunA, RunBWith(null), "--allow-different-settings");

        Assert.Equal(0, exitCode);
        Assert.Contains($"**Settings not checked**: B has no {CaseLatencies.DataFile}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OtherSettingDiffers_IsNamedNotRefused()
    {
        var (exitCode, output, _) = Run(RunA, RunBWith("\"IOBENCH_QUICK\":\"0\",", "\"IOBENCH_QUICK\":\"0\",\"IOBENCH_HTTP_URL\":\"\","));

        Assert.Equal(0, exitCode); // a key only one file has is a newer schema's, not a difference
        Assert.DoesNotContain("Settings differ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DifferentBenchmarkDotNetVersions_WarnsButCompares()
    {
        var b = RunBWith("\"IOBENCH_QUICK\":\"0\"", "\"IOBENCH_QUICK\":\"0\"");
        var report = Path.Combine(b, "IoBench.Benchmarks.SleepBenchmarks-report-full.json");
        File.WriteAllText(report, File.ReadAllText(report).Replace("\"BenchmarkDotNetVersion\": \"0.14.0\"", "\"BenchmarkDotNetVersion\": \"0.15.8\"", StringComparison.Ordinal));
        File.Delete(Path.Combine(b, "IoBench.Benchmarks.CpuBenchmarks-report-full.json.gz"));
        Assert.Contains("0.15.8", File.ReadAllText(report), StringComparison.Ordinal);

        var (exitCode, output, error) = Run(RunA, b);

        Assert.Equal(0, exitCode);
        Assert.Contains("iobench-compare: warning: A was measured with BenchmarkDotNet 0.14.0, B with 0.15.8", error, StringComparison.Ordinal);
        Assert.Contains("**Warning**: A was measured with BenchmarkDotNet 0.14.0, B with 0.15.8", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FailOnSlower_Exits1OnlyWhenACaseIsSlowerBeyondTheThreshold()
    {
        // run-b has Sleep Sequential N = 10 twice as slow, interval [1.97, 2.03]; run-a against itself has nothing slower.
        var slower = Run(RunA, RunB, "--fail-on-slower");
        Assert.Equal(1, slower.ExitCode);
        Assert.Contains("iobench-compare: 1 case is slower beyond 5% (largest: SleepBenchmarks.Batch(Strategy=Sequential, N=10, K=none) [Batch], ratio 2.000)", slower.Error, StringComparison.Ordinal);

        Assert.Equal(0, Run(RunA, RunB).ExitCode);
        Assert.Equal(0, Run(RunA, RunA, "--fail-on-slower").ExitCode);
        Assert.Equal(0, Run(RunA, RunB, "--fail-on-slower", "--threshold", "150").ExitCode); // a 100% change is under 150%
    }

    [Fact]
    public void Run_Out_WritesAMachineReadableSummaryBesideTheMarkdown()
    {
        var outFile = Path.Combine(scratch, "ci.md");

        Assert.Equal(0, Run(RunA, RunB, "--out", outFile).ExitCode);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(scratch, "ci.json")));
        var comparison = summary.RootElement.GetProperty("Comparison");
        Assert.Equal("runs", summary.RootElement.GetProperty("Kind").GetString());
        Assert.Equal((1, 1, 0, 2), (comparison.GetProperty("Verdicts").GetProperty("Faster").GetInt32(), comparison.GetProperty("Verdicts").GetProperty("Slower").GetInt32(),
            comparison.GetProperty("Verdicts").GetProperty("Same").GetInt32(), comparison.GetProperty("Verdicts").GetProperty("Unknown").GetInt32()));
        Assert.Equal(0.05, comparison.GetProperty("FalseDiscoveryRate").GetDouble());
        Assert.Equal("tests/IoBench.Tests/Compare/Fixtures/run-a", comparison.GetProperty("A").GetString());
        Assert.Contains(comparison.GetProperty("Changes").EnumerateArray(), c => c.GetProperty("Verdict").GetString() == "slower");
    }

    [Fact]
    public void Run_ReportsNameFoldersRelativeToTheRepository_NeverAbsolute()
    {
        // Defect caught: the published report's Run line showed the absolute folder of the machine it ran on.
        var (_, output, _) = Run(Path.GetFullPath(RunA), Path.GetFullPath(RunB));

        Assert.Contains("- **A**: `tests/IoBench.Tests/Compare/Fixtures/run-a` (", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Repository.PathOf(), output, StringComparison.Ordinal);
        Assert.Equal(Path.GetRelativePath(Directory.GetCurrentDirectory(), scratch), DisplayPath.Of(scratch)); // outside any repository
    }
}
