using BenchmarkDotNet.Attributes;
using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>SELECT sleep_ms(L): a query that waits, holding its connection and its thread; only threads overlap it.</summary>
[BenchmarkCategory(Categories.Sqlite)]
public class SqliteSleepBenchmarks : BatchBenchmarks
{
    /// <summary>N = 1 measures L; N = 100 separates N×L (2 s) from max(L) clearly. N = 1000 would take 20 s per sequential batch.</summary>
    protected override IEnumerable<int> Ops() => DefaultOpsUnlessChosen(1, 100);

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SqliteSleepWorkload(settings.Latency);
}
