using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>Thread.Sleep(L) / Task.Delay(L): pure waiting, the ideal I/O.</summary>
[BenchmarkCategory(Categories.Sleep)]
[RunsUpTo(100, "the pool starves: 1000 work items blocked on Task.Delay did not finish within the 60 s deadline (published run of 2026-11-22)", StrategyKind.SyncOverAsync)]
// Parallel.ForEach's pool workers yield and re-queue every 100-150 ms, so the pool sees progress and hardly grows: N = 100
// took 663-729 ms cold and steady (about 3 calls at once, 2026-12-06), and N = 1000 would take about 7 s a batch.
[RunsUpTo(100, "Parallel.ForEach kept about 3 blocked calls in flight (N = 100: 663-729 ms, cold and steady), so N = 1000 would take about 7 s a batch; ThreadPool and TaskRun show the blocked pool at N = 1000", StrategyKind.ParallelForEach)]
public class SleepBenchmarks : BatchBenchmarks
{
    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SleepWorkload(settings.Latency);
}
