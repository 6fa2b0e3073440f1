using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>An indexed point lookup on a 100,000-row table: a real query's latency instead of a chosen L.</summary>
public class PostgresQueryBenchmarks : PostgresShortOperationBenchmarks
{
    protected override IWorkload CreateWorkload(SuiteSettings settings, PostgresDatabase database, int warmConnections) =>
        new PostgresQueryWorkload(database, warmConnections);
}
