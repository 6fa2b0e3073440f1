using System.Text.Json.Serialization;

namespace IoBench.Report;

/// <summary>
/// The machine-readable record of a run (iobench-data.json): every case with its measured batches, L per form as
/// sampled, the metrics of the measured batches, and whether the figure is steady. Every report and chart of a result
/// folder is rendered from it alone (<see cref="ReportSet"/>), without re-running a benchmark.
/// Schema 1 (runs of 2026-11-23): environment and cases. Schema 2 adds <see cref="Families"/> (each workload
/// configuration's matrix, L's samples per form and the cells not run with their reasons), the environment's
/// <see cref="RunEnvironmentData.Description"/> and <see cref="RunEnvironmentData.RunTimeS"/>, each case's
/// <see cref="CaseData.StdErrorMs"/> and each steady case's <see cref="CaseData.Warmup"/>; a schema 1 file
/// still renders, without what it lacks. Optional fields added to schema 2 (each absent where it does not apply):
/// GcPauseMs, PendingMemoryPerOperation, VsBare, Job/Framework/Runtime. Schema 3 adds <see cref="CaseData.Failures"/>
/// (the fire-and-forget family), each case's <see cref="CaseData.MinWorkerThreads"/> and, for the
/// starvation lab (--starvation), <see cref="CaseData.PoolTimelines"/> and <see cref="CaseData.WarmupBursts"/>; files of
/// schema 1 and 2 still render (they have no lab). Optional fields added to schema 3: <see cref="FailuresData.Unobserved"/>
/// and <see cref="FailuresData.CallsMs"/> (issue 19; absent in the runs before it, whose claim 7 is then not judged).
/// Optional field added to schema 4: <see cref="RunEnvironmentData.ProcessSettings"/> (issue 21; absent in the runs before
/// it, which ran with workstation GC, the machine's processor count and the runtime's default pool minimum).
/// Optional field added to schema 4: <see cref="RunEnvironmentData.Call"/> (a run of a user's own call).
/// </summary>
public sealed record RunData(int SchemaVersion, RunEnvironmentData Environment, IReadOnlyList<CaseData> Cases)
{
    public const int CurrentSchema = 4;

    public const string FileName = "iobench-data.json";

    /// <summary>Schema 2: one entry per workload configuration, in the order of the run; null in schema 1 files.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FamilyData>? Families { get; init; }

    /// <summary>The bare Task.WhenAll of Task.Delay measured in the run (--scaling), one per N; absent elsewhere.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<BaselineData>? Baselines { get; init; }
}

/// <summary>The bare baseline at one N: Task.WhenAll of N Task.Delay(L), no strategy, no probe (--scaling).</summary>
public sealed record BaselineData(int N, IReadOnlyList<double> IterationsMs, double? MeanMs, double? MedianMs, double? PendingMemoryPerOperation, double? GcPauseMs, double? AllocatedPerOperation);

/// <summary>
/// Where and how the run was made. Runtimes: the runtimes the cases ran on as their benchmark processes read them
/// (".NET 8.0.33"; BenchmarkDotNet's runtime descriptions in runs before the comparison runs).
/// </summary>
public sealed record RunEnvironmentData(
    string BenchmarkDotNet,
    string Os,
    string Cpu,
    int Cores,
    IReadOnlyList<string> Runtimes,
    int? MinWorkerThreads,
    int? MinIoThreads,
    IReadOnlyDictionary<string, long> Calibration,
    IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>Schema 2: BenchmarkDotNet's description of the host, the runtimes and every job, line by line.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Description { get; init; }

    /// <summary>Schema 2: BenchmarkDotNet's run time of the whole run (its "Run time" line), in seconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RunTimeS { get; init; }

    /// <summary>Which runtime the HTTP families' latency server ran on (one fixed runtime, or an external server).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LatencyServer { get; init; }

    /// <summary>
    /// The process settings the benchmark processes started with, as they read them (--server-gc, --processor-count,
    /// --min-worker-threads asked are in <see cref="Settings"/>): one entry per combination seen, usually one; absent in runs
    /// before they were recorded and where no process reported them.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProcessSettingsData>? ProcessSettings { get; init; }

    /// <summary>
    /// A run of a user's own call (--http-call, --sql-call): the call as given, secrets masked ("GET http://host/path"); the
    /// report's title and its decision section. Absent elsewhere.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Call { get; init; }
}

/// <summary>
/// Process settings as benchmark processes read them when they started, before any cell changed the pool's minimum:
/// GCSettings.IsServerGC, Environment.ProcessorCount, ThreadPool.GetMinThreads' worker threads; how many processes saw
/// them, and in a comparison run on which sides (null elsewhere).
/// </summary>
public sealed record ProcessSettingsData(bool ServerGc, int ProcessorCount, int MinWorkerThreads, int Processes)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Sides { get; init; }
}

/// <summary>One benchmark case: a workload configuration, a strategy, N, K and a regime.</summary>
public sealed record CaseData(
    string Workload,
    IReadOnlyDictionary<string, string> Parameters,
    string Strategy,
    int N,
    int K,
    string Regime,
    bool DependsOnPoolHistory,
    bool Success,
    IReadOnlyList<double> IterationsMs,
    double? MeanMs,
    double? MinMs,
    double? MaxMs,
    LatencyData? Latency,
    double? SequentialBoundMs,
    double? ExpectedMaxOfNMs,
    int? Threads,
    double? SyncPercent,
    double? AllocatedPerOperation,
    double? WorkItemsPerOperation,
    int? PoolStart,
    int? PoolEnd,
    int? ServerThreads,
    string? NotSteady)
{
    /// <summary>Schema 2: how the steady regime warmed this pool-dependent case before it was measured.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WarmupData? Warmup { get; init; }

    /// <summary>Schema 2: the standard error of Mean over the measured batches (BenchmarkDotNet's StdErr), in ms.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StdErrorMs { get; init; }

    /// <summary>Peak working set minus the idle baseline while one batch was pending, per operation, in bytes (--scaling only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PendingMemoryPerOperation { get; init; }

    /// <summary>GC pause during a measured batch (median of the measured batches), ms; absent in runs before it was printed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? GcPauseMs { get; init; }

    /// <summary>Median batch over the median batch of the bare baseline at the same N (--scaling only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? VsBare { get; init; }

    /// <summary>BenchmarkDotNet's job: Steady, Cold, Quick, or Steady-net8.0 ... in a comparison run (--runtimes).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Job { get; init; }

    /// <summary>A comparison run's target framework of the job (net8.0 ...); null in a single-runtime run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Framework { get; init; }

    /// <summary>The runtime version the case ran on (8.0.33), read inside its benchmark process, never from the job's name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Runtime { get; init; }

    /// <summary>Schema 3, the fire-and-forget family only: the failures its operations ended with and those the caller saw, over the measured batches.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FailuresData? Failures { get; init; }

    /// <summary>Schema 3: the benchmark process's minimum of worker threads (ThreadPool.GetMinThreads), as it printed it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinWorkerThreads { get; init; }

    /// <summary>
    /// Schema 3, the starvation lab only: for each measured batch in order (the cold regime's one per process), the pool's
    /// thread count through the batch as a dedicated thread sampled it every 5 ms: "ms:threads" pairs separated by commas,
    /// the first sample, each change and the last sample (IoBench.Core.Theory.PoolTimeline reads it).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? PoolTimelines { get; init; }

    /// <summary>Schema 3, the starvation lab only: the steady regime's warm-up bursts before the measured batches, in order.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<BurstData>? WarmupBursts { get; init; }

    /// <summary>
    /// Schema 4: each benchmark process's median of its measured batches, in ms, in the order the processes ran (a steady
    /// case runs in several processes, a cold case one batch a process). The variation between them is what a repeat of the
    /// run meets; absent in runs before schema 4.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? ProcessMediansMs { get; init; }

    /// <summary>Schema 4: how each steady process warmed this pool-dependent case, in the order of <see cref="ProcessMediansMs"/> (<see cref="Warmup"/> is the first).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WarmupData>? Warmups { get; init; }

    /// <summary>
    /// Schema 4, a comparison run's side: the framework of its jobs (net8.0), or a control of the baseline's:
    /// net8.0-control (the baseline runtime again, its own jobs: the negative control) or net8.0-slowed (the baseline
    /// runtime with L × 1.1 on the timed families: the positive control); null in a single-runtime run.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Side { get; init; }

    /// <summary>
    /// The jobs the case belongs to: its <see cref="Side"/> in a comparison run (the baseline and its two controls share a
    /// framework), its <see cref="Framework"/> otherwise; what a family's <see cref="FamilyData.Framework"/> names. Not written.
    /// </summary>
    [JsonIgnore]
    public string? SideOrFramework => Side ?? Framework;
}

/// <summary>
/// Over the measured batches of a case whose operations fail on purpose (FireAndForgetBenchmarks): the batches, the
/// failures the operations ended with, the failures that reached the caller (its code caught them), and the batches in
/// which it caught one.
/// </summary>
public sealed record FailuresData(int Batches, long Occurred, long Seen, int BatchesSeen)
{
    /// <summary>
    /// The failures the runtime raised on TaskScheduler.UnobservedTaskException once full collections after each batch
    /// (outside its time) finalized their dropped tasks; absent in runs before it was measured.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Unobserved { get; init; }

    /// <summary>
    /// Each measured batch's calls' time in ms, from the first operation's start to the last one's end, in the order of the
    /// batches; absent in runs before it was measured. Set beside the caller's batch time (the case's Mean).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? CallsMs { get; init; }

    /// <summary>The failures that reached neither the caller nor UnobservedTaskException, where that was measured.</summary>
    [JsonIgnore]
    public long? Nowhere => Unobserved is { } unobserved ? Occurred - Seen - unobserved : null;

    /// <summary>The mean of <see cref="CallsMs"/>, or null.</summary>
    [JsonIgnore]
    public double? MeanCallsMs => CallsMs is { Count: > 0 } calls ? calls.Average() : null;
}

/// <summary>One warm-up burst of a steady process: its time and the pool's threads before and after it.</summary>
public sealed record BurstData(int Number, double Ms, int PoolStart, int PoolEnd);

/// <summary>L of the form the case's strategy calls, as sampled by the workload's steady Sequential N = 1 case.</summary>
public sealed record LatencyData(string Form, double MeanMs, double MedianMs, double P10Ms, double P90Ms, double MaxMs, int Samples)
{
    /// <summary>Schema 2, in <see cref="FamilyData.Latencies"/> only: every sampled operation (ms), for the expected max of N.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? SamplesMs { get; init; }
}

/// <summary>The warm bursts a steady pool-dependent case had: until the pool's thread count settled, or the budget ran out.</summary>
public sealed record WarmupData(int Bursts, double Seconds, int PoolStart, int PoolEnd, bool Settled);
