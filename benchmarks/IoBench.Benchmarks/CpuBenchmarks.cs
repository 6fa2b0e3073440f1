using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>L of CPU work per operation: the control where async buys nothing and cores are the limit.</summary>
[BenchmarkCategory(Categories.Cpu)]
[RunsUpTo(10, "the pool starves: the first batch of N = 100 took 23 s (run of 2026-11-23); Sleep shows it at N = 100", StrategyKind.SyncOverAsync)]
[RunsUpTo(10, "computation is bound by the cores whatever the degree: ceil(N/cores)×L shows at N = 10, and Task's row at N = 100", StrategyKind.ParallelForEachAsync)]
[LeavesOut("every call in flight is Task's row: computation on the pool's threads, ceil(N/cores)×L", StrategyKind.ParallelForEachAsyncUnbounded)]
public class CpuBenchmarks : BatchBenchmarks
{
    protected override IWorkload CreateWorkload(SuiteSettings settings) => new CpuWorkload(settings.Latency);
}
