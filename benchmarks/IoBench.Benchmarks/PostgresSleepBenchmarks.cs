using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>SELECT pg_sleep(L): server-side latency through Npgsql's sync and async APIs.</summary>
public class PostgresSleepBenchmarks : PostgresBatchBenchmarks
{
    protected override IWorkload CreateWorkload(SuiteSettings settings, PostgresDatabase database, int warmConnections) =>
        new PostgresSleepWorkload(database, settings.Latency, warmConnections);
}
