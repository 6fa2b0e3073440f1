using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Columns;
using IoBench.Core.Settings;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks;

/// <summary>Keeps only the cells the plan runs (<see cref="CellPlan"/>); the report lists the others as not run.</summary>
public sealed class CellPlanFilter(SuiteSettings settings) : IFilter
{
    public bool Predicate(BenchmarkCase benchmarkCase) => WhyNotRun(benchmarkCase) is null;

    /// <summary>Null when the case runs, else the reason.</summary>
    public string? WhyNotRun(BenchmarkCase benchmarkCase) =>
        BatchCase.From(benchmarkCase) is { } batch
            ? CellPlan.WhyNotRun(batch.Strategy, batch.N, batch.K, settings.Latency, settings.MaxSequentialBatch, IsCpuBound(benchmarkCase), Environment.ProcessorCount, IsSynchronousAsync(benchmarkCase))
            : null;

    public static bool IsCpuBound(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.CpuBound);

    public static bool IsSynchronousAsync(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.SynchronousAsync);
}
