using BenchmarkDotNet.Attributes;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>Thread.Sleep(L) / Task.Delay(L): pure waiting, the ideal I/O.</summary>
[BenchmarkCategory(Categories.Sleep)]
[RunsUpTo(100, "the pool starves: 1000 work items blocked on Task.Delay did not finish within the 60 s deadline (published run of 2026-11-22)", StrategyKind.SyncOverAsync)]
public class SleepBenchmarks : BatchBenchmarks
{
    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SleepWorkload(settings.Latency);
}
