using System.Text.Json;
using IoBench.Tests.Benchmarks;

namespace IoBench.Tests.Runtimes;

/// <summary>
/// One real comparison run, as small as it gets: --runtimes net8.0 net9.0 net10.0 on one Sleep case with --quick (one batch
/// per job, out of process, one generated project per runtime: about two minutes here). Each job must have run on its own
/// runtime, as read inside its benchmark process, and every report must say so, the runtime comparison too. The run asks
/// for the process settings too (--server-gc, --processor-count, --min-worker-threads): every runtime's processes must
/// have started with them, as the jobs set them.
/// </summary>
public sealed class RuntimeRunTests
{
    [RuntimesFact]
    public async Task Run_ThreeRuntimes_EachJobRanOnItsOwnRuntimeAndTheReportsSaySo()
    {
        var artifacts = Directory.CreateTempSubdirectory("iobench-runtimes-run-");
        try
        {
            var (exitCode, output) = await BenchmarkApp.RunAsync(
                TimeSpan.FromMinutes(8),
                "--runtimes", "net8.0", "net9.0", "net10.0", "--quick", "--filter", "*.SleepBenchmarks.*", "--strategies", "Sequential", "--ops", "1",
                "--server-gc", "--processor-count", "3", "--min-worker-threads", "40", "--artifacts", artifacts.FullName);

            Assert.True(exitCode == 0, $"the app exited {exitCode}:\n{output}");
            var results = Path.Combine(artifacts.FullName, "results");
            using var data = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(results, "iobench-data.json")));
            var environment = data.RootElement.GetProperty("Environment");
            var runtimes = environment.GetProperty("Runtimes").EnumerateArray().Select(r => r.GetString()!).ToList();
            Assert.Contains(runtimes, r => r.StartsWith(".NET 8.0.", StringComparison.Ordinal));
            Assert.Contains(runtimes, r => r.StartsWith(".NET 9.0.", StringComparison.Ordinal));
            Assert.Contains(runtimes, r => r.StartsWith(".NET 10.0.", StringComparison.Ordinal));
            Assert.StartsWith("one fixed runtime for every job", environment.GetProperty("LatencyServer").GetString(), StringComparison.Ordinal);
            // One combination seen, on every side: catches a knob one runtime does not read (the minimum's hexadecimal, say).
            var seen = Assert.Single(environment.GetProperty("ProcessSettings").EnumerateArray());
            Assert.Equal((true, 3, 40, 5), (seen.GetProperty("ServerGc").GetBoolean(), seen.GetProperty("ProcessorCount").GetInt32(), seen.GetProperty("MinWorkerThreads").GetInt32(), seen.GetProperty("Processes").GetInt32()));
            Assert.Equal(["net8.0", "net8.0-control", "net8.0-slowed", "net9.0", "net10.0"], seen.GetProperty("Sides").EnumerateArray().Select(s => s.GetString()));

            var cases = data.RootElement.GetProperty("Cases").EnumerateArray().ToDictionary(c => c.GetProperty("Job").GetString()!, c => c.GetProperty("Runtime").GetString()!);
            // The baseline's two controls run as jobs of their own on the baseline runtime (Sleep's L is a timer's: the
            // positive control runs on it).
            Assert.Equal(5, cases.Count);
            Assert.StartsWith("8.0.", cases["Quick-net8.0"], StringComparison.Ordinal);
            Assert.StartsWith("8.0.", cases["Quick-net8.0-control"], StringComparison.Ordinal);
            Assert.StartsWith("8.0.", cases["Quick-net8.0-slowed"], StringComparison.Ordinal);
            Assert.StartsWith("9.0.", cases["Quick-net9.0"], StringComparison.Ordinal);
            Assert.StartsWith("10.0.", cases["Quick-net10.0"], StringComparison.Ordinal);

            var report = await File.ReadAllTextAsync(Path.Combine(results, "iobench-report.md"));
            Assert.Contains($"Job Quick-net8.0 (baseline): ", report, StringComparison.Ordinal);
            Assert.Contains($"ran on .NET {cases["Quick-net8.0"]} (read inside its benchmark processes)", report, StringComparison.Ordinal);
            Assert.Contains($"## Sleep on .NET {cases["Quick-net10.0"]} (net10.0 jobs)", report, StringComparison.Ordinal);
            Assert.Contains("Latency server (HTTP families): one fixed runtime", report, StringComparison.Ordinal);
            Assert.Contains("Process settings seen as the benchmark processes started: Server GC on, processor count 3, min worker threads 40 (all 5 processes)", report, StringComparison.Ordinal);
            Assert.DoesNotContain("NOT AS ASKED", report, StringComparison.Ordinal);

            // BenchmarkDotNet's own summary compares each job with the baseline job.
            var summary = await File.ReadAllTextAsync(Directory.GetFiles(results, "*-report-github.md").Single());
            Assert.Contains("| Ratio |", summary, StringComparison.Ordinal);
            Assert.Contains("Server=True", summary, StringComparison.Ordinal);

            // The runtime comparison of the run names each runtime by the version its processes read.
            var (comparison, error) = (new StringWriter(), new StringWriter());
            Assert.Equal(0, IoBench.Compare.CompareCommand.Run([results], comparison, error));
            Assert.Contains($"- **Baseline**: .NET {cases["Quick-net8.0"]} (net8.0); compared with it: .NET {cases["Quick-net9.0"]} (net9.0), .NET {cases["Quick-net10.0"]} (net10.0).", comparison.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }
}
