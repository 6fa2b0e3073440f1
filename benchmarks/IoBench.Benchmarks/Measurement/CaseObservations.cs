using System.Runtime.CompilerServices;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// What the benchmark processes of one case printed, read back by the host: the metrics of the measured batches only
/// (BenchmarkDotNet's jitting batch and any batch after the measured ones are left out), how the steady regime warmed
/// up, and L as sampled by the case that measures it. In-process runs (--quick) keep no child output: all empty there.
/// </summary>
public sealed class CaseObservations
{
    private CaseObservations(IReadOnlyList<BatchMetrics> measured, IReadOnlyList<SteadyWarmup> warmups, IReadOnlyDictionary<WorkloadForm, LatencyProfile> latencies)
    {
        Measured = measured;
        Warmups = warmups;
        Latencies = latencies;
    }

    /// <summary>
    /// The line each benchmark process prints once: its thread pool's minimum threads, its runtime's version and the process
    /// settings it started with (<see cref="ProcessSettingsSeen"/>).
    /// </summary>
    public const string ProcessPrefix = "// IoBench.Process";

    public static CaseObservations Empty { get; } = new([], [], new Dictionary<WorkloadForm, LatencyProfile>());

    /// <summary>The batches BenchmarkDotNet measured (WorkloadActual), in order, over every launch.</summary>
    public IReadOnlyList<BatchMetrics> Measured { get; }

    public IReadOnlyList<SteadyWarmup> Warmups { get; }

    /// <summary>The steady regime's warm-up bursts one by one, where the family prints them (the starvation lab).</summary>
    public IReadOnlyList<WarmupBurst> Bursts { get; private init; } = [];

    public IReadOnlyDictionary<WorkloadForm, LatencyProfile> Latencies { get; }

    /// <summary>
    /// L sampled around the measured batches themselves (device-decided latencies: every sample taken just before a
    /// measured batch, pooled), or null where the case's L comes from its workload's sampling case.
    /// </summary>
    public LatencyProfile? PairedLatency =>
        Measured.FirstOrDefault(b => b.LatencyForm is not null)?.LatencyForm is { } form &&
        Measured.Where(b => b.LatencyForm == form).SelectMany(b => b.LatencySamples ?? []).ToList() is { Count: > 0 } samples
            ? new LatencyProfile(form, samples)
            : null;

    public int? PeakThreads => Measured.Count == 0 ? null : Measured.Max(b => b.PeakThreads);

    public double? SyncPercent => Measured.Average(b => b.SyncPercent);

    public double? AllocatedPerBatch => Median(Measured.Select(b => (double)b.AllocatedBytes));

    public double? WorkItemsPerBatch => Median(Measured.Select(b => (double)b.WorkItems));

    /// <summary>
    /// Peak working set minus the idle baseline while one batch of N operations was pending (the median over the case's
    /// processes: the cold regime has three), or null where the family does not measure it.
    /// </summary>
    public double? PendingMemoryPerBatch =>
        Median(Measured.Select(b => b.Memory).OfType<PendingMemory>().Distinct().Select(m => (double)m.Bytes));

    /// <summary>GC pause time during a measured batch, ms (median of the measured batches), where the batch lines carry it.</summary>
    public double? GcPausePerBatchMs => Median(Measured.Where(b => b.Collections is not null).Select(b => b.Collections!.Value.PauseMs));

    /// <summary>Garbage collections during a measured batch (median of the measured batches).</summary>
    public double? CollectionsPerBatch => Median(Measured.Where(b => b.Collections is not null).Select(b => (double)b.Collections!.Value.Count));

    /// <summary>
    /// Over the measured batches (the fire-and-forget family only): the batches, the failures their operations ended with,
    /// those their caller caught, the batches in which it caught at least one, those raised on UnobservedTaskException
    /// (null unless every batch line measured it), and each batch's calls' time in ms, first start to last end (null
    /// unless every batch line has it).
    /// </summary>
    public (int Batches, long Occurred, long Seen, int BatchesSeen, long? Unobserved, IReadOnlyList<double>? CallsMs)? Failures =>
        Measured.Where(b => b.Failures is not null).Select(b => b.Failures!.Value).ToList() is { Count: > 0 } failures
            ? (failures.Count, failures.Sum(f => f.Occurred), failures.Sum(f => f.Seen), failures.Count(f => f.Seen > 0),
                failures.All(f => f.Unobserved is not null) ? failures.Sum(f => f.Unobserved!.Value) : null,
                failures.All(f => f.CallsMs is not null) ? [.. failures.Select(f => f.CallsMs!.Value)] : null)
            : null;

    public int? ServerThreads => Measured.Any(b => b.ServerThreads is not null) ? Measured.Max(b => b.ServerThreads ?? 0) : null;

    /// <summary>The pool's threads when the first measured batch started and when the last one ended (per launch for cold runs).</summary>
    public (int Start, int End)? Pool => Measured.Count == 0 ? null : (Measured.Min(b => b.PoolStart), Measured.Max(b => b.PoolEnd));

    /// <summary>The benchmark process's ThreadPool.GetMinThreads (worker, I/O), if it printed them.</summary>
    public (int Workers, int Io)? MinThreads { get; private init; }

    /// <summary>The runtime version the case's benchmark process ran on (Environment.Version read inside it), if it printed it.</summary>
    public string? RuntimeVersion { get; private init; }

    /// <summary>
    /// The runtime version the case ran on, read inside the process that ran it: the benchmark process's own line, or for
    /// an in-process run (--quick) this process's, since the host ran the case itself.
    /// </summary>
    public static string? RuntimeVersionOf(BenchmarkReport? report) =>
        From(report).RuntimeVersion ?? (report?.BenchmarkCase.Job.Infrastructure.Toolchain?.IsInProcess == true ? Environment.Version.ToString() : null);

    /// <summary>Each benchmark process's settings as it started (<see cref="ProcessSettingsSeen"/>), in launch order, where it printed them.</summary>
    public IReadOnlyList<ProcessSettingsSeen> Processes { get; private init; } = [];

    /// <summary>
    /// The process settings the case's benchmark processes started with: their own lines, or for an in-process run (--quick)
    /// this process's, since the host ran the case itself.
    /// </summary>
    public static IReadOnlyList<ProcessSettingsSeen> ProcessesOf(BenchmarkReport? report) =>
        From(report).Processes is { Count: > 0 } processes ? processes
        : report?.BenchmarkCase.Job.Infrastructure.Toolchain?.IsInProcess == true ? [ProcessSettingsSeen.Current()]
        : [];

    /// <summary>True when the pool added threads during the measured batches of a launch: the figure is still moving.</summary>
    public bool PoolGrewWhileMeasured { get; private init; }

    /// <summary>Reads (once per report) what the case's processes printed.</summary>
    public static CaseObservations From(BenchmarkReport? report) =>
        report is null || report.ExecuteResults.Count == 0 ? Empty : s_cache.GetValue(report, Read);

    private static readonly ConditionalWeakTable<BenchmarkReport, CaseObservations> s_cache = new();

    private static CaseObservations Read(BenchmarkReport report)
    {
        var measured = new List<BatchMetrics>();
        var warmups = new List<SteadyWarmup>();
        var bursts = new List<WarmupBurst>();
        var latencies = new Dictionary<WorkloadForm, LatencyProfile>();
        var grew = false;
        (int, int)? minThreads = null;
        string? runtime = null;
        var processes = new List<ProcessSettingsSeen>();
        for (var launch = 0; launch < report.ExecuteResults.Count; launch++)
        {
            var output = report.ExecuteResults[launch].StandardOutput ?? [];
            if (output.FirstOrDefault(line => line.StartsWith(ProcessPrefix, StringComparison.Ordinal)) is { } process &&
                OutputLine.Fields(process, ProcessPrefix) is var fields && OutputLine.Int(fields.GetValueOrDefault("minworkers")) is { } workers)
            {
                minThreads = (workers, OutputLine.Int(fields.GetValueOrDefault("miniocp")) ?? 0);
                runtime ??= fields.GetValueOrDefault("runtime");
                if (ProcessSettingsSeen.Parse(fields) is { } seen)
                {
                    processes.Add(seen);
                }
            }

            var batches = output.Select(BatchMetrics.Parse).OfType<BatchMetrics>().ToList();
            warmups.AddRange(output.Select(SteadyWarmup.Parse).OfType<SteadyWarmup>());
            bursts.AddRange(output.Select(WarmupBurst.Parse).OfType<WarmupBurst>());
            foreach (var profile in output.Select(LatencyProfile.Parse).OfType<LatencyProfile>())
            {
                latencies.TryAdd(profile.Form, profile);
            }

            // The measured batches are the last ones of the launch: BenchmarkDotNet's actual stage comes after jitting and
            // warm-up, and the suite adds no diagnoser that would run a batch after it.
            var actual = report.AllMeasurements.Count(m => m.LaunchIndex == launch + 1 && m.Is(IterationMode.Workload, IterationStage.Actual));
            var launchMeasured = batches.Skip(Math.Max(0, batches.Count - actual)).ToList();
            grew |= launchMeasured.Count > 0 && launchMeasured[^1].PoolEnd > launchMeasured[0].PoolStart;
            measured.AddRange(launchMeasured);
        }

        return new CaseObservations(measured, warmups, latencies) { PoolGrewWhileMeasured = grew, MinThreads = minThreads, RuntimeVersion = runtime, Bursts = bursts, Processes = processes };
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
