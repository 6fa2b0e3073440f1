using BenchmarkDotNet.Attributes;
using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>Thread.Sleep(L) / Task.Delay(L): pure waiting, the ideal I/O.</summary>
[BenchmarkCategory(Categories.Sleep)]
public class SleepBenchmarks : BatchBenchmarks
{
    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SleepWorkload(settings.Latency);
}
