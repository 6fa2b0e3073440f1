using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>One INSERT per operation with synchronous_commit on: a WAL flush per commit.</summary>
public class PostgresWriteBenchmarks : PostgresShortOperationBenchmarks
{
    protected override IWorkload CreateWorkload(SuiteSettings settings, PostgresDatabase database, int warmConnections) =>
        new PostgresWriteWorkload(database, warmConnections);
}
