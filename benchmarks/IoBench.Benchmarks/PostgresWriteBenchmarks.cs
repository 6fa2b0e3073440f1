using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>One INSERT per operation with synchronous_commit on: a WAL flush per commit.</summary>
public class PostgresWriteBenchmarks : PostgresBatchBenchmarks
{
    // A lookup or a commit takes a millisecond or less, mostly client and server CPU: the pool law and N = 200 add little
    // that PostgresSleep does not show, so this family runs the strategies that call each form in a distinct way.
    private static readonly StrategyKind[] Shown =
    [
        StrategyKind.Sequential, StrategyKind.SequentialAwait, StrategyKind.Thread, StrategyKind.TaskRun, StrategyKind.Task, StrategyKind.ValueTask,
    ];

    protected override IEnumerable<StrategyKind> Strategies() => Shown.Where(Settings.Strategies.Contains);

    protected override IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None];

    protected override IEnumerable<PoolSize> Pools() => [PoolSize.AsLargeAsN];

    protected override IEnumerable<int> DefaultOps() => [1, 100];

    protected override IWorkload CreateWorkload(SuiteSettings settings, PostgresDatabase database, int warmConnections) =>
        new PostgresWriteWorkload(database, warmConnections);
}
