using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// An indexed lookup plus an aggregate sized to take L: SQLite computes in-process, so every strategy is bounded by
/// cores, and its *Async calls complete synchronously.
/// </summary>
[BenchmarkCategory(Categories.Sqlite)]
[LeavesOut("calls that compute and complete synchronously: bound by the cores, as ParallelForEachAsync's and Task's rows show", StrategyKind.ParallelForEachAsyncUnbounded)]
public class SqliteQueryBenchmarks : BatchBenchmarks
{
    /// <summary>N = 1 measures L; N = 10 already shows the core bound (ceil(10/2) x L on 2 cores) at a tenth of N = 100's cost.</summary>
    protected override IEnumerable<int> Ops() => DefaultOpsUnlessChosen(1, 10);

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SqliteQueryWorkload(settings.Latency);
}
