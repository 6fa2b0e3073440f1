using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>SELECT pg_sleep(L): server-side latency through Npgsql's sync and async APIs.</summary>
public class PostgresSleepBenchmarks : PostgresBatchBenchmarks
{
    /// <summary>N = 10 shows the one-at-a-time strategies at N×L (their N = 100 cells, 2 s, are over the budget).</summary>
    protected override IEnumerable<int> DefaultOps() => [1, 10, 100, 200];

    protected override IWorkload CreateWorkload(SuiteSettings settings, PostgresDatabase database, int warmConnections) =>
        new PostgresSleepWorkload(database, settings.Latency, warmConnections);
}
