using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Columns;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks;

/// <summary>
/// Keeps only the cells the plan runs: <see cref="CellPlan"/>'s budget rules, then the family's own rules
/// (<see cref="ICellRule"/> parameter values and class attributes). The report asks the same questions, so every
/// cell left out says why.
/// </summary>
public sealed class CellPlanFilter(SuiteSettings settings) : IFilter
{
    public bool Predicate(BenchmarkCase benchmarkCase) => WhyNotRun(benchmarkCase) is null;

    /// <summary>Null when the case runs, else the reason.</summary>
    public string? WhyNotRun(BenchmarkCase benchmarkCase) =>
        BatchCase.From(benchmarkCase) is { } batch ? WhyNotRun(benchmarkCase, batch.Strategy, batch.N, batch.K) : null;

    /// <summary>
    /// Why a cell is not run (null when it runs); <paramref name="member"/> is any case of the same workload
    /// configuration, whose categories, other parameter values and class attributes decide too.
    /// </summary>
    public string? WhyNotRun(BenchmarkCase member, StrategyKind strategy, int n, int k) =>
        CellPlan.WhyNotRun(strategy, n, k, settings.Latency, settings.MaxSequentialBatch, IsCpuBound(member), Environment.ProcessorCount, IsSynchronousAsync(member))
        ?? member.Parameters.Items.Select(p => p.Value)
            .Concat(member.Descriptor.Type.GetCustomAttributes(inherit: true))
            .OfType<ICellRule>()
            .Select(rule => rule.WhyNotRun(strategy, n, k, settings))
            .FirstOrDefault(why => why is not null);

    public static bool IsCpuBound(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.CpuBound);

    public static bool IsSynchronousAsync(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.SynchronousAsync);
}
