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
        PoolDoesNotBind(member, strategy, n, k) ??
        CellPlan.WhyNotRun(strategy, n, k, settings.Latency, settings.MaxSequentialBatch, IsCpuBound(member), Environment.ProcessorCount, IsSynchronousAsync(member));

    /// <summary>
    /// A fixed pool that no batch operation ever waits for is the same batch as the pool of N, so it is not run twice:
    /// when P >= N, when the strategy runs one operation at a time, or when its own K is already <= P.
    /// </summary>
    public static string? PoolDoesNotBind(BenchmarkCase member, StrategyKind kind, int n, int k)
    {
        if (PoolSize.Of(member) is not { Size: not 0 } pool)
        {
            return null;
        }

        var strategy = Strategy.Create(kind, k);
        var inFlight = strategy.SequentialByNature ? 1 : strategy.Limit > 0 ? Math.Min(strategy.Limit, n) : n;
        return pool.Binds(inFlight) ? null : "the pool does not bind: P >= operations in flight";
    }

    public static bool IsCpuBound(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.CpuBound);

    public static bool IsSynchronousAsync(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.Contains(Categories.SynchronousAsync);
}
