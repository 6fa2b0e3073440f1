using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Jobs;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Settings;
using IoBench.Report;
using IoBench.Tests.Benchmarks;

namespace IoBench.Tests.Runtimes;

/// <summary>
/// The process settings on the suite's jobs, as BenchmarkDotNet applies them (Server GC through the job's GC mode, the
/// processor count and the pool's minimum through its environment variables), and a benchmark process started as such a
/// job starts that reads all three as it begins, then records them in the data file and the report.
/// </summary>
public sealed class ProcessSettingsJobTests
{
    private static readonly SuiteSettings Given =
        new SuiteSettings().WithCommandLine(["--server-gc", "--processor-count", "3", "--min-worker-threads", "40"], out _);

    private static string? Variable(Job job, string name) =>
        job.Environment.EnvironmentVariables?.FirstOrDefault(v => v.Key == name)?.Value;

    private static void AssertCarriesTheSettings(Job job)
    {
        Assert.True(job.Environment.Gc.Server);
        Assert.Equal("3", Variable(job, "DOTNET_PROCESSOR_COUNT"));
        Assert.Equal("0x28", Variable(job, "DOTNET_ThreadPool_ForceMinWorkerThreads"));
    }

    [Fact]
    public void Create_EveryRegimeJobCarriesTheSettings_AndKeepsItsIdAndRegime()
    {
        var jobs = SuiteConfig.Create(Given).GetJobs().ToList();

        Assert.Equal(["Steady", "Cold"], jobs.Select(j => j.Id));
        Assert.All(jobs, AssertCarriesTheSettings);
        Assert.Equal(["Steady", "Cold"], jobs.Select(j => Variable(j, BatchBenchmarks.RegimeVariable)));
    }

    [Fact]
    public void Create_ComparisonRun_EveryJobOfEverySideCarriesTheSettings()
    {
        var runtimes = new RuntimeChoice(["net8.0", "net10.0"], "/opt/dotnet/dotnet");

        var regimes = SuiteConfig.Create(Given with { Comparison = true }, runtimes: runtimes).GetJobs().ToList();
        var quick = SuiteConfig.Create(Given with { Quick = true }, runtimes: runtimes).GetJobs().ToList();

        Assert.Equal(4 * (3 + 4), regimes.Count); // four sides (the baseline's two controls), three steady and four cold processes a side
        Assert.All(regimes, AssertCarriesTheSettings);
        Assert.Equal(4, quick.Count);
        Assert.All(quick, AssertCarriesTheSettings);
    }

    [Fact]
    public void Create_NoProcessSettings_LeavesTheJobsAsBenchmarkDotNetsDefaults()
    {
        foreach (var job in SuiteConfig.Create(new SuiteSettings()).GetJobs())
        {
            Assert.False(job.HasValue(GcMode.ServerCharacteristic));
            Assert.Null(Variable(job, "DOTNET_PROCESSOR_COUNT"));
            Assert.Null(Variable(job, "DOTNET_ThreadPool_ForceMinWorkerThreads"));
        }
    }

    [Fact]
    public async Task LatencyServer_StartedByABenchmarkProcessWithAForcedMinimum_KeepsItsOwnPool()
    {
        // A benchmark process under --min-worker-threads 8 (the job's variable on the app, which runs the cases itself with
        // --quick) starts the latency server with --min-threads 200 (HttpBlockingServer's ServerMinThreads = 200). Catches
        // the server inheriting the forced minimum: its SetMinThreads(200) would then be refused and the case fail.
        var job = SuiteConfig.Create(new SuiteSettings { MinWorkerThreads = 8 }).GetJobs().First();
        var knob = Assert.Single(job.Environment.EnvironmentVariables!, v => v.Key == RuntimeKnobs.ForceMinWorkerThreads);
        var scratch = Directory.CreateTempSubdirectory("iobench-process-settings-server-");
        try
        {
            var (exitCode, output) = await BenchmarkApp.RunAsync(
                start => start.Environment[knob.Key] = knob.Value,
                TimeSpan.FromMinutes(2),
                "--quick", "--filter", "*.HttpBlockingServerBenchmarks.*", "--strategies", "Task", "--ops", "10", "--artifacts", Path.Combine(scratch.FullName, "artifacts"));

            Assert.True(exitCode == 0, $"the app exited {exitCode}:\n{output}");
            Assert.Contains("startminworkers=8", output, StringComparison.Ordinal);
            Assert.Contains("ServerMinThreads=200", output, StringComparison.Ordinal);
            Assert.DoesNotContain("was refused", output, StringComparison.Ordinal);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BenchmarkProcess_StartedAsTheJobStartsIt_ReadsAllThreeAndTheRunRecordsThem()
    {
        // The app in its own process, with what the steady job gives a benchmark process: its environment variables and its
        // GC mode in the runtimeconfig (BenchmarkDotNet's generated project writes ServerGarbageCollection there). The app runs
        // the case in that process (--quick), as a benchmark process runs it. Catches a knob the runtime does not read (the
        // minimum written in decimal reads as hexadecimal: "40" would be 64), a probe that reads too late or nothing, and
        // an exporter or report that drops what the process saw.
        var job = SuiteConfig.Create(Given).GetJobs().First();
        var scratch = Directory.CreateTempSubdirectory("iobench-process-settings-");
        try
        {
            var app = Repository.PathOf("benchmarks", "IoBench.Benchmarks", "bin", Repository.Configuration, "net10.0", "IoBench.Benchmarks.dll");
            var runtimeConfig = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(app, ".runtimeconfig.json")))!;
            runtimeConfig["runtimeOptions"]!["configProperties"] ??= new JsonObject();
            runtimeConfig["runtimeOptions"]!["configProperties"]!["System.GC.Server"] = job.Environment.Gc.Server;
            var runtimeConfigFile = Path.Combine(scratch.FullName, "job.runtimeconfig.json");
            await File.WriteAllTextAsync(runtimeConfigFile, runtimeConfig.ToJsonString());
            var knobs = job.Environment.EnvironmentVariables!.Where(v => RuntimeKnobs.BenchmarkProcessOnly.Contains(v.Key)).ToList();
            Assert.Equal(2, knobs.Count);

            var (exitCode, output) = await BenchmarkApp.RunAsync(
                start =>
                {
                    start.ArgumentList.Insert(0, "exec");
                    start.ArgumentList.Insert(1, "--runtimeconfig");
                    start.ArgumentList.Insert(2, runtimeConfigFile);
                    knobs.ForEach(v => start.Environment[v.Key] = v.Value);
                },
                TimeSpan.FromMinutes(2),
                "--quick", "--filter", "*.SleepBenchmarks.*", "--strategies", "Task", "--ops", "10", "--artifacts", Path.Combine(scratch.FullName, "artifacts"));

            Assert.True(exitCode == 0, $"the app exited {exitCode}:\n{output}");
            Assert.Contains("servergc=1 processors=3 startminworkers=40", output, StringComparison.Ordinal);
            var results = Path.Combine(scratch.FullName, "artifacts", "results");
            var data = JsonSerializer.Deserialize<RunData>(await File.ReadAllTextAsync(Path.Combine(results, RunData.FileName)), ReportSet.Json)!;
            Assert.Equal(new ProcessSettingsData(true, 3, 40, 1), Assert.Single(data.Environment.ProcessSettings!));

            // The run itself asked for none of them (they came with the process, not the options), so the report names what it
            // did not ask; the processor count is the machine's as this process read it, 3.
            var report = await File.ReadAllTextAsync(Path.Combine(results, MarkdownReport.FileName));
            Assert.Contains("Process settings seen as the benchmark processes started: Server GC on, processor count 3, min worker threads 40 (the one process)", report, StringComparison.Ordinal);
            Assert.Contains("NOT AS ASKED: Server GC on, min worker threads 40 in 1 of 1 process", report, StringComparison.Ordinal);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
