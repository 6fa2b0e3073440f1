using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Columns;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks;

/// <summary>Keeps only the cells the plan runs (<see cref="CellPlan"/>); the report lists the others as not run.</summary>
public sealed class CellPlanFilter(SuiteSettings settings) : IFilter
{
    public bool Predicate(BenchmarkCase benchmarkCase) => WhyNotRun(benchmarkCase) is null;

    /// <summary>Null when the case runs, else the reason.</summary>
    public string? WhyNotRun(BenchmarkCase benchmarkCase) =>
        BatchCase.From(benchmarkCase) is { } batch ? WhyNotRun(benchmarkCase, batch.Strategy, batch.N, batch.K) : null;

    /// <summary>Why a cell of the same workload family as <paramref name="member"/> is not run (null when it runs).</summary>
    public string? WhyNotRun(BenchmarkCase member, StrategyKind strategy, int n, int k) =>
        CellPlan.WhyNotRun(strategy, n, k, settings.Latency, settings.MaxSequentialBatch, IsCpuBound(member), Environment.ProcessorCount, IsSynchronousAsync(member));

    public static bool IsCpuBound(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.CpuBound);

    public static bool IsSynchronousAsync(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.SynchronousAsync);
}
