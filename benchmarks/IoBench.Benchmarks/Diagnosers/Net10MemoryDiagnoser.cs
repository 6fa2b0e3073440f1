using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;

namespace IoBench.Benchmarks.Diagnosers;

/// <summary>
/// BenchmarkDotNet 0.14's MemoryDiagnoser with an exact "Allocated" figure. For runtimes it does not recognise
/// (.NET 10 here) GcStats.GetBytesAllocatedPerOperation applies the pre-.NET Core 2.0 "allocation quantum" rule and
/// reports 0 for any run that allocated less than about 8 KB in total, which hides exactly the per-batch differences
/// this suite measures (Task vs ValueTask). GC.GetTotalAllocatedBytes(precise: true), which the engine uses on every
/// runtime since .NET 6, needs no such rule, so the raw total is used.
/// It derives from MemoryDiagnoser because BenchmarkDotNet only collects GC statistics in the benchmark process when
/// the config holds a MemoryDiagnoser instance; it re-implements IDiagnoser.ProcessResults and keeps everything else.
/// </summary>
public sealed class Net10MemoryDiagnoser() : MemoryDiagnoser(new MemoryDiagnoserConfig()), IDiagnoser
{
    public static new readonly Net10MemoryDiagnoser Default = new();

    /// <summary>Bytes allocated per operation from the raw total, without the allocation-quantum rule.</summary>
    public static long? BytesPerOperation(GcStats stats) =>
        stats.GetTotalAllocatedBytes(excludeAllocationQuantumSideEffects: false) is { } total && stats.TotalOperations > 0
            ? (long)Math.Round((double)total / stats.TotalOperations, MidpointRounding.ToEven)
            : null;

    IEnumerable<Metric> IDiagnoser.ProcessResults(DiagnoserResults results)
    {
        foreach (var metric in ProcessResults(results))
        {
            yield return metric.Descriptor.Id == "Allocated Memory" && BytesPerOperation(results.GcStats) is { } exact
                ? new Metric(metric.Descriptor, exact)
                : metric;
        }
    }
}
