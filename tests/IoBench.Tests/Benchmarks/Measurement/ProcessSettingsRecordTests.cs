using IoBench.Benchmarks;
using IoBench.Benchmarks.Exporters;
using IoBench.Benchmarks.Measurement;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Report;
using static IoBench.Tests.Benchmarks.KnownSummary;

namespace IoBench.Tests.Benchmarks.Measurement;

/// <summary>
/// What the benchmark processes saw of the process settings, from their process lines to the data file and the report's
/// header, beside what the run asked; and the combinations the host refuses before anything runs.
/// </summary>
public sealed class ProcessSettingsRecordTests
{
    private static string ProcessLine(int serverGc, int processors, int minimum) =>
        $"// IoBench.Process minworkers={minimum} miniocp=1 runtime=10.0.12 servergc={serverGc} processors={processors} startminworkers={minimum}";

    private static RunData Build(IoBench.Core.Settings.SuiteSettings settings, params string?[] lines) =>
        new DataExporter(settings).Build(Create(
            [.. lines.Select((line, i) => (StrategyKind.Task, new[] { 10, 100, 1000 }[i], 0, 25.0, line, PoolRegime.Steady))]));

    private static IoBench.Core.Settings.SuiteSettings Asked(params string[] args) =>
        new IoBench.Core.Settings.SuiteSettings().WithCommandLine(args, out _);

    [Fact]
    public void ProcessLine_RoundTrips()
    {
        var seen = new ProcessSettingsSeen(true, 3, 40);

        Assert.Equal(seen, ProcessSettingsSeen.Parse(IoBench.Benchmarks.Measurement.OutputLine.Fields($"{CaseObservations.ProcessPrefix} minworkers=40 {seen.ToFields()}", CaseObservations.ProcessPrefix)));
        Assert.Null(ProcessSettingsSeen.Parse(IoBench.Benchmarks.Measurement.OutputLine.Fields($"{CaseObservations.ProcessPrefix} minworkers=2 miniocp=1 runtime=10.0.12", CaseObservations.ProcessPrefix)));
    }

    [Fact]
    public void DataFileAndHeader_ProcessesSawWhatWasAsked_RecordBothAndNoMismatch()
    {
        var run = Build(Asked("--server-gc", "--processor-count", "3", "--min-worker-threads", "40"), ProcessLine(1, 3, 40), ProcessLine(1, 3, 40), null);

        Assert.Equal(new ProcessSettingsData(true, 3, 40, 2), Assert.Single(run.Environment.ProcessSettings!));
        Assert.Equal(("1", "3", "40"), (run.Environment.Settings["IOBENCH_SERVER_GC"], run.Environment.Settings["IOBENCH_PROCESSOR_COUNT"], run.Environment.Settings["IOBENCH_MIN_WORKER_THREADS"]));
        var header = MarkdownReport.Render(run);
        Assert.Contains("Process settings asked: Server GC on, processor count 3, min worker threads 40\n", header, StringComparison.Ordinal);
        Assert.Contains("Process settings seen as the benchmark processes started: Server GC on, processor count 3, min worker threads 40 (all 2 processes)\n", header, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT AS ASKED", header, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFileAndHeader_SomeProcessesDidNotGetIt_ShowWhichAndWhat()
    {
        // As a runtime that ignored a knob, or a DOTNET_gcServer=0 in the user's shell, would leave them.
        var run = Build(Asked("--server-gc", "--min-worker-threads", "40"), ProcessLine(1, 2, 40), ProcessLine(0, 2, 2), ProcessLine(1, 2, 40));

        Assert.Equal([new ProcessSettingsData(true, 2, 40, 2), new ProcessSettingsData(false, 2, 2, 1)], run.Environment.ProcessSettings!);
        var header = MarkdownReport.Render(run);
        Assert.Contains("Process settings seen as the benchmark processes started: Server GC on, processor count 2, min worker threads 40 (2 of 3 processes); Server GC off, processor count 2, min worker threads 2 (1 of 3 processes)\n", header, StringComparison.Ordinal);
        Assert.Contains("NOT AS ASKED: Server GC off, min worker threads 2 in 1 of 3 processes\n", header, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFileAndHeader_DefaultsAsked_TheRuntimesDefaultMinimumIsOnePerProcessor()
    {
        var run = Build(Asked(), ProcessLine(0, Environment.ProcessorCount, Environment.ProcessorCount));

        var header = MarkdownReport.Render(run);
        Assert.Contains($"Process settings asked: Server GC off, processor count {Environment.ProcessorCount}, min worker threads the runtime's default (one per processor)\n", header, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT AS ASKED", header, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFileAndHeader_NoProcessReported_NoEntryAndNoLines()
    {
        var run = Build(Asked(), [null]);

        Assert.Null(run.Environment.ProcessSettings);
        Assert.DoesNotContain("Process settings", MarkdownReport.Render(run), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--quick --server-gc", "--server-gc take effect when a benchmark process starts; --quick runs in this one: add --runtimes net10.0 (its own processes) or leave out --quick")]
    [InlineData("--quick --processor-count 3 --min-worker-threads 8", "--processor-count, --min-worker-threads take effect when a benchmark process starts; --quick runs in this one")]
    [InlineData("--job short --min-worker-threads 8", "--min-worker-threads apply to the suite's own jobs; --job makes BenchmarkDotNet's: leave out --job")]
    [InlineData("--processor-count 0", "--processor-count must be a positive whole number, got '0'.")]
    [InlineData("--server-gc --processor-count 1", "--server-gc needs more than one processor")]
    [InlineData("--starvation --min-worker-threads 8", "--starvation compares the pool's default minimum with N")]
    public void Main_RefusedProcessSettings_OneLineAndExit2(string args, string expected)
    {
        var line = ProgramTests.MainFailsInOneLine([.. args.Split(' '), "--list", "flat", "--filter", "NoSuchBenchmark"]);

        Assert.StartsWith("iobench: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
