namespace IoBench.Benchmarks.Exporters;

/// <summary>
/// The machine-readable record of a run (iobench-data.json, schema version 1): every case with its measured batches,
/// L per form as sampled, the metrics of the measured batches, and whether the figure is steady. Reports and checks
/// can be made from it without re-running a benchmark.
/// </summary>
public sealed record RunData(int SchemaVersion, RunEnvironmentData Environment, IReadOnlyList<CaseData> Cases)
{
    public const int CurrentSchema = 1;
}

/// <summary>Where and how the run was made.</summary>
public sealed record RunEnvironmentData(
    string BenchmarkDotNet,
    string Os,
    string Cpu,
    int Cores,
    IReadOnlyList<string> Runtimes,
    int? MinWorkerThreads,
    int? MinIoThreads,
    IReadOnlyDictionary<string, long> Calibration,
    IReadOnlyDictionary<string, string> Settings);

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
    string? NotSteady);

/// <summary>L of the form the case's strategy calls, as sampled by the workload's steady Sequential N = 1 case.</summary>
public sealed record LatencyData(string Form, double MeanMs, double MedianMs, double P10Ms, double P90Ms, double MaxMs, int Samples);
