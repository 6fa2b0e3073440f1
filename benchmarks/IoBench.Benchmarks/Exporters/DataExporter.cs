using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Calls;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Plan;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;
using IoBench.Report;
using Perfolizer.Helpers;

namespace IoBench.Benchmarks.Exporters;

/// <summary>
/// Builds the run's <see cref="RunData"/> from BenchmarkDotNet's summary and what the processes printed, and writes it
/// as iobench-data.json next to the reports, atomically (its path to <paramref name="written"/>, for the lines the run
/// ends with). Everything the report and the charts show comes from it.
/// </summary>
public sealed class DataExporter(SuiteSettings settings, RunPaths? written = null) : IExporter
{
    public const string FileName = RunData.FileName;

    public string Name => "IoBenchData";

    public void ExportToLog(Summary summary, ILogger logger)
    {
        // The data file is for tools, not for the console.
    }

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        string[] paths = [ResultFile.Write(summary.ResultsDirectoryPath, FileName, JsonSerializer.Serialize(Build(summary), ReportSet.Json))];
        written?.Add(paths);
        return paths;
    }

    public RunData Build(Summary summary)
    {
        // A comparison run's replicas of a case on one side are its processes (ReplicaMerge).
        summary = ReplicaMerge.Merge(summary);
        var filter = new CellPlanFilter(settings);
        var cases = new List<CaseData>();
        foreach (var benchmarkCase in summary.BenchmarksCases)
        {
            // A case a call run's time cap cut did not run (or not to its end): the family lists it with that reason.
            if (BatchCase.From(benchmarkCase) is not { } batch || TimeCapClock.Current?.Cut(summary[benchmarkCase]) is not null)
            {
                continue;
            }

            var report = summary[benchmarkCase];
            var cell = Exporters.ReportCell.From(report);
            var observations = CaseObservations.From(report);
            var profile = BatchColumn.ProfileOf(summary, batch);
            var dependsOnPool = filter.RunsCold(benchmarkCase);
            cases.Add(new CaseData(
                WorkloadName(benchmarkCase),
                ParametersOf(benchmarkCase),
                batch.Strategy.ToString(),
                batch.N,
                batch.K,
                batch.Regime,
                dependsOnPool,
                cell is not null,
                cell?.SeriesMs ?? [],
                cell?.Mean.TotalMilliseconds,
                cell?.Min.TotalMilliseconds,
                cell?.Max.TotalMilliseconds,
                profile is null ? null : Latency(profile),
                profile is null ? null : Bounds.Sequential(batch.N, profile.L).TotalMilliseconds,
                profile?.ExpectedMaxOf(Math.Max(1, batch.N)).TotalMilliseconds,
                observations.PeakThreads,
                observations.SyncPercent,
                batch.N > 0 ? observations.AllocatedPerBatch / batch.N : null,
                batch.N > 0 ? observations.WorkItemsPerBatch / batch.N : null,
                observations.Pool?.Start,
                observations.Pool?.End,
                observations.ServerThreads,
                batch.Regime == PoolRegime.Steady ? cell?.NotSteady(dependsOnPool) : null)
            {
                StdErrorMs = report?.ResultStatistics is { } statistics && cell is not null ? statistics.StandardError * benchmarkCase.Descriptor.OperationsPerInvoke / 1e6 : null,
                Job = benchmarkCase.Job.ResolvedId,
                Framework = JobTags.FrameworkOf(benchmarkCase.Job) is { Length: > 0 } framework ? framework : null,
                Runtime = CaseObservations.RuntimeVersionOf(report),
                Warmup = batch.Regime == PoolRegime.Steady && observations.Warmups.FirstOrDefault() is { } w
                    ? new WarmupData(w.Bursts, w.Seconds, w.PoolStart, w.PoolEnd, w.Settled)
                    : null,
                PendingMemoryPerOperation = PendingMemoryColumn.BytesPerOperation(summary, benchmarkCase),
                GcPauseMs = observations.GcPausePerBatchMs,
                VsBare = BareRatioColumn.Ratio(summary, benchmarkCase, batch.N),
                Failures = observations.Failures is { } f ? new FailuresData(f.Batches, f.Occurred, f.Seen, f.BatchesSeen) { Unobserved = f.Unobserved, CallsMs = f.CallsMs } : null,
                MinWorkerThreads = observations.MinThreads?.Workers,
                PoolTimelines = observations.Measured.Any(b => b.Timeline is not null)
                    ? [.. observations.Measured.Select(b => b.Timeline?.Format() ?? string.Empty)]
                    : null,
                WarmupBursts = observations.Bursts.Count > 0
                    ? [.. observations.Bursts.Select(b => new BurstData(b.Number, Math.Round(b.Ms, 3), b.PoolStart, b.PoolEnd))]
                    : null,
                ProcessMediansMs = cell is null ? null : ProcessMedians(report!),
                Warmups = batch.Regime == PoolRegime.Steady && observations.Warmups.Count > 0
                    ? [.. observations.Warmups.Select(w => new WarmupData(w.Bursts, w.Seconds, w.PoolStart, w.PoolEnd, w.Settled))]
                    : null,
                Side = JobTags.SideOf(benchmarkCase.Job) is { Length: > 0 } side ? side : null,
            });
        }

        var baselines = summary.BenchmarksCases
            .Where(c => c.Descriptor.Type == typeof(BareDelayBaseline) && c.Parameters["N"] is int)
            .Select(c => (Case: c, N: (int)c.Parameters["N"], Cell: Exporters.ReportCell.From(summary[c]), Observations: CaseObservations.From(summary[c])))
            .Select(b => new BaselineData(
                b.N,
                b.Cell?.SeriesMs ?? [],
                b.Cell?.Mean.TotalMilliseconds,
                summary[b.Case]?.ResultStatistics?.Median / 1e6,
                PendingMemoryColumn.BytesPerOperation(summary, b.Case),
                b.Observations.GcPausePerBatchMs,
                b.Observations.AllocatedPerBatch / b.N))
            .ToList();

        var host = summary.HostEnvironmentInfo;
        // The runtime's default: the smallest any process printed (the starvation lab raises it to N in some of them; each
        // case keeps its own, MinWorkerThreads).
        var minThreads = summary.Reports.Select(r => CaseObservations.From(r).MinThreads).Where(m => m is not null).MinBy(m => m!.Value.Workers);
        var environment = new RunEnvironmentData(
            host.BenchmarkDotNetVersion,
            host.Os.Value?.ToBrandString() ?? "unknown",
            host.Cpu.Value?.ProcessorName ?? "unknown",
            host.Cpu.Value?.LogicalCoreCount ?? Environment.ProcessorCount,
            // Read inside the benchmark processes, never inferred from a job's name.
            [.. summary.BenchmarksCases.OrderBy(c => FrameworkOrder(c.Job)).Select(c => CaseObservations.RuntimeVersionOf(summary[c])).OfType<string>().Distinct().Select(v => $".NET {v}")],
            minThreads?.Workers,
            minThreads?.Io,
            CalibrationStore.ReadAll(Environment.GetEnvironmentVariable(CalibrationStore.FileVariable) ?? string.Empty),
            settings.ToDisplayEnvironment());
        return new RunData(RunData.CurrentSchema, environment with { Description = Description(summary, settings), RunTimeS = Math.Round(summary.TotalTime.TotalSeconds, 1), LatencyServer = LatencyServerChoice.Describe(settings), ProcessSettings = ProcessSettings(summary), Call = settings.CallDisplay }, cases)
        {
            Families = Families(summary, filter),
            Baselines = baselines.Count > 0 ? baselines : null,
        };
    }

    /// <summary>
    /// BenchmarkDotNet's description of the host, the runtimes and the jobs, as its own reports head them; each job with the
    /// runtime its benchmark processes read, and the latency server's runtime.
    /// </summary>
    private static List<string> Description(Summary summary, SuiteSettings settings)
    {
        var lines = summary.HostEnvironmentInfo.ToFormattedString().ToList();
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"Runtimes: {summary.AllRuntimes}"));
        foreach (var job in summary.BenchmarksCases.Select(c => c.Job).DistinctBy(j => j.ResolvedId).OrderBy(FrameworkOrder))
        {
            var versions = string.Join(", ", summary.BenchmarksCases.Where(c => c.Job.ResolvedId == job.ResolvedId)
                .Select(c => CaseObservations.RuntimeVersionOf(summary[c])).OfType<string>().Distinct().Select(v => $".NET {v}"));
            lines.Add($"Job {job.ResolvedId}{(job.Meta.Baseline ? " (baseline)" : string.Empty)}: {job.DisplayInfo}; ran on {(versions.Length == 0 ? "a runtime not reported" : versions)} (read inside its benchmark processes)");
        }

        if (summary.BenchmarksCases.Any(c => c.Job.Meta.Baseline))
        {
            lines.Add("Ratio columns (BenchmarkDotNet's summary): each job against the baseline job of the same regime, steady with steady, cold with cold");
        }

        lines.Add(settings.CallDisplay is { } call
            ? $"Call: {call}; L {settings.CallPlan?.Latency.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) ?? "not probed"} ms by the host's probe{(settings.CallPlan?.LargestN is { } largest ? $", every strategy up to N = {largest} and the async ones up to {settings.CallPlan.LargestAsyncN?.ToString(CultureInfo.InvariantCulture) ?? "every N"} within --time-cap-s {settings.TimeCapSeconds}" : string.Empty)}"
            : $"Latency server (HTTP families): {LatencyServerChoice.Describe(settings)}");
        return lines;
    }

    /// <summary>
    /// The process settings every benchmark process started with, as it read them: one entry per combination seen (a runtime
    /// that ignored a knob, a variable of the user's shell make more), with the comparison sides it was seen on; null when no
    /// process reported them.
    /// </summary>
    internal static List<ProcessSettingsData>? ProcessSettings(Summary summary)
    {
        var seen = summary.BenchmarksCases
            .OrderBy(c => FrameworkOrder(c.Job))
            .SelectMany(c => CaseObservations.ProcessesOf(summary[c]).Select(p => (Side: JobTags.SideOf(c.Job), Seen: p)))
            .GroupBy(x => x.Seen)
            .Select(g => new ProcessSettingsData(g.Key.ServerGc, g.Key.ProcessorCount, g.Key.MinWorkerThreads, g.Count())
            {
                Sides = g.Select(x => x.Side).Where(side => side.Length > 0).Distinct().ToList() is { Count: > 0 } sides ? sides : null,
            })
            .ToList();
        return seen.Count > 0 ? seen : null;
    }

    /// <summary>A comparison run's jobs in framework order (BenchmarkDotNet sorts them by name: net10.0 before net8.0).</summary>
    private static int FrameworkOrder(BenchmarkDotNet.Jobs.Job job) =>
        (RuntimeChoice.Supported.ToList().IndexOf(JobTags.FrameworkOf(job)) * 3) + (JobTags.SideOf(job).EndsWith(JobTags.ControlSuffix, StringComparison.Ordinal) ? 1 : JobTags.IsSlowed(job) ? 2 : 0);

    /// <summary>
    /// Each workload configuration's matrix as the family declares it (the same parameter sources BenchmarkDotNet reads),
    /// L per form with its samples, and every planned cell that did not run, with the plan's reason.
    /// </summary>
    private List<FamilyData> Families(Summary summary, CellPlanFilter filter)
    {
        var families = new List<FamilyData>();
        // A comparison run has a family per workload and runtime (the workload key holds the framework): a workload's
        // runtimes together, in framework order.
        var batches = summary.BenchmarksCases.Select(c => (Case: c, Batch: BatchCase.From(c))).Where(x => x.Batch is not null).ToList();
        var order = batches.Select(x => WorkloadName(x.Case) + FamilyData.TitleOf(string.Empty, ParametersOf(x.Case))).Distinct().ToList();
        foreach (var workload in batches.OrderBy(x => order.IndexOf(WorkloadName(x.Case) + FamilyData.TitleOf(string.Empty, ParametersOf(x.Case)))).ThenBy(x => FrameworkOrder(x.Case.Job)).GroupBy(x => x.Batch!.WorkloadKey))
        {
            var (first, batch) = (workload.First().Case, workload.First().Batch!);
            var family = (BatchBenchmarks)Activator.CreateInstance(first.Descriptor.Type)!;
            var ops = family.OpsValues().ToList();
            var rows = Rows(family).ToList();
            var parameters = ParametersOf(first);
            // An L sampled around every batch of every case: the family's L is that of its steady sequential cases at the
            // smallest N they ran.
            var paired = workload.Any(x => CaseObservations.From(summary[x.Case]).PairedLatency is not null);
            int SmallestN(StrategyKind strategy) =>
                workload.Where(x => x.Batch!.Strategy == strategy && x.Batch.K == 0 && x.Batch.Regime == PoolRegime.Steady).Select(x => x.Batch!.N).DefaultIfEmpty(1).Min();
            var latencies = new[] { StrategyKind.Sequential, StrategyKind.SequentialAwait }
                .Select(strategy => BatchColumn.ProfileOf(summary, paired ? batch with { Strategy = strategy, K = 0, N = SmallestN(strategy), Regime = PoolRegime.Steady } : batch with { Strategy = strategy, K = 0 }))
                .OfType<LatencyProfile>()
                .Select(p => Latency(p) with { SamplesMs = p.SamplesMs })
                .ToList();
            var notRun = new List<NotRunData>();
            foreach (var row in rows)
            {
                foreach (var n in ops.Where(n => row.K == 0 || row.K < n))
                {
                    if (!workload.Any(x => x.Batch!.Regime == PoolRegime.Steady && x.Batch.Strategy.ToString() == row.Strategy && x.Batch.N == n && x.Batch.K == row.K
                        && TimeCapClock.Current?.Cut(summary[x.Case]) is null))
                    {
                        var capped = workload.Select(x => x.Case).FirstOrDefault(c => BatchCase.From(c) is { } b
                            && b.Strategy.ToString() == row.Strategy && b.N == n && b.K == row.K && b.Regime == PoolRegime.Steady) is { } notStarted
                            ? TimeCapClock.Current?.Cut(summary[notStarted])
                            : null;
                        notRun.Add(new NotRunData(row.Strategy, n, row.K, capped ?? filter.WhyNotRun(first, Enum.Parse<StrategyKind>(row.Strategy), n, row.K) ?? NotRunData.FilteredOut));
                    }
                }
            }

            var traits = filter.TraitsOf(first);
            var framework = JobTags.SideOf(first.Job);
            var runtime = string.Join(", ", workload.Select(x => CaseObservations.RuntimeVersionOf(summary[x.Case])).OfType<string>().Distinct().Select(v => $".NET {v}"));
            families.Add(new FamilyData(
                WorkloadName(first),
                parameters,
                FamilyData.TitleOf(WorkloadName(first), parameters) + (framework.Length == 0 ? string.Empty : $" on {runtime} ({framework} jobs)"),
                ops,
                rows,
                [.. Enum.GetValues<WorkloadTraits>().Where(t => t != WorkloadTraits.None && traits.HasFlag(t)).Select(t => t.ToString())],
                latencies,
                notRun)
            {
                LatencySampledPerBatch = paired,
                Framework = framework.Length == 0 ? null : framework,
            });
        }

        return families;
    }

    /// <summary>
    /// Each process's median of its measured batches (whole batches, ms), in launch order: the unit a repeat of the run is
    /// compared in, since batches of one process share its JIT, its pool and its moment on the machine.
    /// </summary>
    internal static IReadOnlyList<double> ProcessMedians(BenchmarkReport report)
    {
        var perBatch = report.BenchmarkCase.Descriptor.OperationsPerInvoke;
        return [.. report.AllMeasurements
            .Where(m => m.Is(BenchmarkDotNet.Engines.IterationMode.Workload, BenchmarkDotNet.Engines.IterationStage.Actual))
            .GroupBy(m => m.LaunchIndex)
            .OrderBy(g => g.Key)
            .Select(g => Math.Round(Median([.. g.Select(m => m.Nanoseconds / m.Operations * perBatch / 1e6)]), 6))];
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static IEnumerable<RowData> Rows(BatchBenchmarks family)
    {
        var limits = family.LimitValues().Select(l => l.Value).Where(k => k != 0).ToList();
        foreach (var strategy in family.StrategyValues())
        {
            yield return new RowData(strategy.ToString(), 0);
            if (Strategy.UsesLimit(strategy))
            {
                foreach (var k in limits)
                {
                    yield return new RowData(strategy.ToString(), k);
                }
            }
        }
    }

    private static string WorkloadName(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type.Name.Replace("Benchmarks", string.Empty, StringComparison.Ordinal);

    private static Dictionary<string, string> ParametersOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items
            .Where(p => p.Name is not (nameof(BatchBenchmarks.Strategy) or nameof(BatchBenchmarks.N) or nameof(BatchBenchmarks.K)))
            .ToDictionary(p => p.Name, p => p.Value?.ToString() ?? string.Empty);

    private static LatencyData Latency(LatencyProfile profile) =>
        new(profile.Form.ToString(), profile.Mean.TotalMilliseconds, profile.Median.TotalMilliseconds, profile.Quantile(0.1).TotalMilliseconds, profile.Quantile(0.9).TotalMilliseconds, profile.Max.TotalMilliseconds, profile.Count);
}
