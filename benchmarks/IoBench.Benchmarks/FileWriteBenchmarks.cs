using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>A 4 KiB write at a scattered offset plus fsync: the async form is thread-pool work on Linux.</summary>
[BenchmarkCategory(Categories.File)]
[LeavesOut("every write is pool work whatever starts it: every call in flight is Task's row", StrategyKind.ParallelForEachAsyncUnbounded)]
public class FileWriteBenchmarks : BatchBenchmarks
{
    /// <summary>N = 1 measures the write + fsync latency; N = 100 shows how far concurrent fsyncs of one file overlap.</summary>
    protected override IEnumerable<int> Ops() => DefaultOpsUnlessChosen(1, 100);

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new FileWriteWorkload();
}
