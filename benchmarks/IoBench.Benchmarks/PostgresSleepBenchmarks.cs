using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>SELECT pg_sleep(L): server-side latency through Npgsql's sync and async APIs.</summary>
// The Parallel strategies at N = 100 repeat what Sleep measures at seconds per case (2026-12-06, Pool = N: ParallelForEachAsync
// 1,187 ms a batch; ParallelForEach 709-1,081 ms, its cold and steady cases 20 s together, Pool = 10 as much again).
[RunsUpTo(10, "the default degree's ceil(N/cores)×L shows at N = 10 (5 waves); N = 100 is 1 s a batch, measured by Sleep and HttpDelay", StrategyKind.ParallelForEachAsync)]
[RunsUpTo(10, "ThreadPool and TaskRun show Npgsql's blocking calls on the pool at N = 100-200; Parallel.ForEach's N = 100 cases took 20 s, cold and steady", StrategyKind.ParallelForEach)]
public class PostgresSleepBenchmarks : PostgresBatchBenchmarks
{
    /// <summary>N = 10 shows the one-at-a-time strategies at N×L (their N = 100 cells, 2 s, are over the budget).</summary>
    protected override IEnumerable<int> DefaultOps() => [1, 10, 100, 200];

    protected override IWorkload CreateWorkload(SuiteSettings settings, PostgresDatabase database, int warmConnections) =>
        new PostgresSleepWorkload(database, settings.Latency, warmConnections);
}
