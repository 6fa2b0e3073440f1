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
            ? PoolDoesNotBind(benchmarkCase, batch.N) ??
              CellPlan.WhyNotRun(batch.Strategy, batch.N, batch.K, settings.Latency, settings.MaxSequentialBatch, IsCpuBound(benchmarkCase), Environment.ProcessorCount)
            : null;

    /// <summary>A fixed pool of P >= N is the same batch as the pool of N (like K >= N), so it is not run twice.</summary>
    public static string? PoolDoesNotBind(BenchmarkCase benchmarkCase, int n) =>
        PoolSize.Of(benchmarkCase) is { Size: not 0 } pool && !pool.Binds(n) ? "the pool does not bind when P >= N" : null;

    public static bool IsCpuBound(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.CpuBound);
}
