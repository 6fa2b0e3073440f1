using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>SELECT sleep_ms(L): a query that waits, holding its connection and its thread; only threads overlap it.</summary>
[BenchmarkCategory(Categories.Sqlite)]
[RunsUpTo(10, "the default degree's ceil(N/cores)×L shows at N = 10 (5 waves); N = 100 is 1 s a batch (1,082 ms measured), as in Sleep", StrategyKind.ParallelForEachAsync)]
[LeavesOut("its workers hold pool threads through calls that complete synchronously, as Channel's consumers do, whose row shows it (N = 100: 13-23 s a case)", StrategyKind.ParallelForEachAsyncUnbounded)]
public class SqliteSleepBenchmarks : BatchBenchmarks
{
    /// <summary>
    /// N = 1 measures L; N = 10 shows the strategies made sequential by the synchronous async API at N×L (200 ms); N = 100
    /// separates the thread-based strategies from max(L) clearly (its one-at-a-time cells, 2 s, are over the budget).
    /// </summary>
    protected override IEnumerable<int> Ops() => DefaultOpsUnlessChosen(1, 10, 100);

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SqliteSleepWorkload(settings.Latency);
}
