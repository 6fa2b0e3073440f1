using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>One INSERT per transaction with synchronous=FULL: fsync latency and SQLite's single-writer lock.</summary>
[BenchmarkCategory(Categories.Sqlite)]
[LeavesOut("one writer at a time (SQLite's write lock) whatever the overlap: every call in flight is Task's and Channel's rows", StrategyKind.ParallelForEachAsyncUnbounded)]
public class SqliteWriteBenchmarks : BatchBenchmarks
{
    /// <summary>N = 1 measures the commit latency; N = 100 shows writers queueing on the one write lock.</summary>
    protected override IEnumerable<int> Ops() => DefaultOpsUnlessChosen(1, 100);

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SqliteWriteWorkload(settings.SqliteBusyTimeout);
}
