using IoBench.Benchmarks.Parameters;
using IoBench.Core.Strategies;

namespace IoBench.Benchmarks;

/// <summary>
/// The Postgres families whose operation takes a millisecond or less, mostly client and server CPU (a lookup, a
/// commit): the pool law and N = 200 add little that PostgresSleep does not show, so they run the strategies that
/// call each form in a distinct way, with an unlimited pool, at N = 1 and 100.
/// </summary>
public abstract class PostgresShortOperationBenchmarks : PostgresBatchBenchmarks
{
    private static readonly StrategyKind[] Shown =
    [
        StrategyKind.Sequential, StrategyKind.SequentialAwait, StrategyKind.Thread, StrategyKind.TaskRun, StrategyKind.Task, StrategyKind.ValueTask,
    ];

    protected override IEnumerable<StrategyKind> Strategies() => Shown.Where(Settings.Strategies.Contains);

    protected override IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None];

    protected override IEnumerable<PoolSize> Pools() => [PoolSize.AsLargeAsN];

    protected override IEnumerable<int> DefaultOps() => [1, 100];
}
