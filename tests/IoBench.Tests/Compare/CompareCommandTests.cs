using System.IO.Compression;
using IoBench.Compare;
using static IoBench.Tests.Compare.CompareFixtures;

namespace IoBench.Tests.Compare;

/// <summary>The command end to end, in process: exit codes, the one error line, --out and --fail-below.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("iobench-compare-tests-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = CompareCommand.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static void AssertBadInput((int ExitCode, string Output, string Error) result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("iobench-compare: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(scratch, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Run_TwoFixtureRuns_PrintsTheSummaryAndReturns0()
    {
        var (exitCode, output, error) = Run(RunA, RunB);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("**Agreement: 1 of 4 matched cases have a ratio within ±5% (25%).**", output, StringComparison.Ordinal);
        Assert.Contains("**Verdicts: 1 faster, 1 slower, 0 same, 2 unknown** of 4 matched cases. Only in A: 1. Only in B: 1.", output, StringComparison.Ordinal);
        Assert.Contains("two-sided Mann-Whitney U test", output, StringComparison.Ordinal);
        Assert.Contains("Benjamini-Hochberg", output, StringComparison.Ordinal);
        Assert.Contains(".NET 9.0.20", output, StringComparison.Ordinal); // B's HostEnvironmentInfo
        Assert.Contains("| CpuBenchmarks.Batch(Strategy=Task, N=10, K=none) [Batch] | 30.0 ms | 80.0 ms | 2.000 | [0.857, 8.000] | 2.06 | 0.0556 | 0.0741 | unknown | **no** |", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("95", 1)]
    [InlineData("25", 0)]
    public void Run_FailBelow_Returns1OnlyWhenAgreementIsLower(string minimum, int expected)
    {
        var (exitCode, _, error) = Run(RunA, RunB, "--fail-below", minimum);

        Assert.Equal(expected, exitCode);
        Assert.Equal(expected == 1 ? "iobench-compare: 25% of matched cases agree, below --fail-below 95%" : "", error.Trim());
    }

    [Fact]
    public void Run_Out_WritesTheSameMarkdownAndASummaryBesideItAndLeavesNoTemporaryFile()
    {
        var outFile = Path.Combine(scratch, "comparison.md");
        File.WriteAllText(outFile, "an older comparison");

        var (exitCode, output, _) = Run(RunA, RunB, "--out", outFile);

        Assert.Equal(0, exitCode);
        Assert.Equal(output, File.ReadAllText(outFile));
        Assert.Equal([Path.Combine(scratch, "comparison.json"), outFile], Directory.GetFiles(scratch).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_PublishedRunAgainstItself_EverythingAgreesAtRatioOne()
    {
        var cases = RunResults.Load(PublishedRun).Cases.Count;

        var (exitCode, output, _) = Run(PublishedRun, PublishedRun, "--fail-below", "100", "--fail-on-slower");

        Assert.Equal(0, exitCode);
        Assert.Contains($"**Agreement: {cases} of {cases} matched cases have a ratio within ±5% (100%).**", output, StringComparison.Ordinal);
        Assert.Contains($"**Verdicts: 0 faster, 0 slower, ", output, StringComparison.Ordinal);
        Assert.Contains($"| all matched cases | {cases} | 1.000 | 1.000 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFolder_IsBadInput() =>
        AssertBadInput(Run(Path.Combine(scratch, "nowhere"), RunB), "no such file or folder");

    [Fact]
    public void Run_FolderWithoutFullReport_IsBadInput()
    {
        Write("run/report-brief.json", "{}");
        AssertBadInput(Run(Path.Combine(scratch, "run"), RunB), "holds no BenchmarkDotNet full JSON report");
    }

    [Fact]
    public void Run_ReportThatIsNotJson_IsBadInput()
    {
        Write("run/x-report-full.json", "Benchmarks: not JSON at all");
        AssertBadInput(Run(Path.Combine(scratch, "run"), RunB), "(not JSON:");
    }

    [Fact]
    public void Run_CorruptGzip_IsBadInput()
    {
        File.WriteAllBytes(Path.Combine(scratch, "report-full.json.gz"), [0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8]);
        AssertBadInput(Run(Path.Combine(scratch, "report-full.json.gz"), RunB), "(not JSON:");
    }

    [Fact]
    public void Run_ForeignJson_IsBadInput() =>
        AssertBadInput(Run(Write("package.json", """{ "name": "left-pad", "version": "1.3.0" }"""), RunB),
            "is not a BenchmarkDotNet full report (no \"Benchmarks\" array)");

    [Fact]
    public void Run_BriefReportWithoutMeasurements_IsBadInput() =>
        AssertBadInput(Run(RunA, Write("brief.json", """{ "Benchmarks": [ { "Type": "SleepBenchmarks", "Method": "Batch", "Statistics": {} } ] }""")),
            "benchmark 1 has no Type, Method or Measurements");

    [Theory]
    [InlineData("""[ 1, 2 ]""", "is not an object")]
    [InlineData("""[ { "IterationMode": "Workload", "IterationStage": "Actual", "Operations": 1 } ]""", "has no Nanoseconds or Operations")]
    [InlineData("""[ { "IterationMode": "Workload", "IterationStage": "Actual", "Operations": 1, "Nanoseconds": -5 } ]""", "not a positive time")]
    public void Run_MalformedMeasurements_IsBadInput(string measurements, string expected) =>
        AssertBadInput(Run(RunA, Write("odd.json", $$"""{ "Benchmarks": [ { "Type": "T", "Method": "M", "Measurements": {{measurements}} } ] }""")), expected);

    [Fact]
    public void Run_NoCaseInCommon_IsBadInput() =>
        AssertBadInput(Run(TwoJobs, RunA, "--allow-different-settings"), "have no benchmark case in common (2 and 5 measured cases)");

    [Fact]
    public void Run_SameCaseInTwoFilesOfOneFolder_IsBadInput()
    {
        var report = Directory.GetFiles(RunA, "*report-full*").Single();
        File.Copy(report, Path.Combine(scratch, "one-report-full.json"));
        using (var gz = new GZipStream(File.Create(Path.Combine(scratch, "report-full.json.gz")), CompressionLevel.Fastest))
        using (var source = File.OpenRead(report))
        {
            source.CopyTo(gz);
        }

        AssertBadInput(Run(scratch, RunA), "appears twice in");
    }

    [Theory]
    [InlineData("--threshold", "ten")]
    [InlineData("--fail-below", "120")]
    [InlineData("--alpha", "0")]
    [InlineData("--verbose", "x")]
    [InlineData("--out", null)]
    public void Run_BadOption_IsBadInput(string option, string? value) =>
        AssertBadInput(Run(value is null ? [RunA, RunB, option] : [RunA, RunB, option, value]), option);

    [Fact]
    public void Run_OneInputOfOneRuntime_IsBadInput() => AssertBadInput(Run(RunA), "is a run of one runtime: compare it with another run");

    [Fact]
    public void Run_ThreeInputs_IsBadInput() => AssertBadInput(Run(RunA, RunB, RunA), "expected one comparison run or two inputs");

    [Fact]
    public void Run_Help_PrintsUsageAndReturns0()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("usage: compare-runs A B", output, StringComparison.Ordinal);
    }
}
