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
        BatchCase.From(benchmarkCase) is { } batch ? WhyNotRun(batch.Strategy, batch.N, batch.K, benchmarkCase) : null;

    /// <summary>
    /// Null when the cell runs, else the reason; <paramref name="sibling"/> is any case of the same workload
    /// configuration, whose other parameter values and class attributes (<see cref="ICellRule"/>) may leave the cell out too.
    /// </summary>
    public string? WhyNotRun(StrategyKind strategy, int n, int k, BenchmarkCase sibling) =>
        CellPlan.WhyNotRun(strategy, n, k, settings.Latency, settings.MaxSequentialBatch, IsCpuBound(sibling), Environment.ProcessorCount)
        ?? sibling.Parameters.Items.Select(p => p.Value)
            .Concat(sibling.Descriptor.Type.GetCustomAttributes(inherit: true))
            .OfType<ICellRule>()
            .Select(rule => rule.WhyNotRun(strategy, n, k, settings))
            .FirstOrDefault(why => why is not null);

    public static bool IsCpuBound(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.CpuBound);
}
