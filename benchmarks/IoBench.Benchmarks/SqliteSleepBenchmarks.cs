using BenchmarkDotNet.Attributes;
using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>SELECT sleep_ms(L): a query that waits, holding its connection and its thread; only threads overlap it.</summary>
[BenchmarkCategory(Categories.Sqlite)]
public class SqliteSleepBenchmarks : BatchBenchmarks
{
    /// <summary>
    /// N = 1 measures L; N = 10 shows the strategies made sequential by the synchronous async API at N×L (200 ms); N = 100
    /// separates the thread-based strategies from max(L) clearly (its one-at-a-time cells, 2 s, are over the budget).
    /// </summary>
    protected override IEnumerable<int> Ops() => DefaultOpsUnlessChosen(1, 10, 100);

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SqliteSleepWorkload(settings.Latency);
}
