using IoBench.Benchmarks.Parameters;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// The cost the other Postgres families keep out of their batches: opening a fresh physical connection
/// (Pooling=false) and running SELECT 1, one at a time in both forms, and ten at once (async).
/// </summary>
[BenchmarkDotNet.Attributes.BenchmarkCategory(Categories.Postgres)]
public class PostgresConnectBenchmarks : BatchBenchmarks
{
    private static readonly StrategyKind[] Forms = [StrategyKind.Sequential, StrategyKind.SequentialAwait, StrategyKind.Task];

    protected override IEnumerable<StrategyKind> Strategies() => Forms.Where(Settings.Strategies.Contains);

    protected override IEnumerable<int> Ops() => [1, 10];

    protected override IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None];

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new PostgresConnectWorkload(settings.Postgres);
}
