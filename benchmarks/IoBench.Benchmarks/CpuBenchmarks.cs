using BenchmarkDotNet.Attributes;
using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>L of CPU work per operation: the control where async buys nothing and cores are the limit.</summary>
[BenchmarkCategory(Categories.Cpu)]
public class CpuBenchmarks : BatchBenchmarks
{
    protected override IWorkload CreateWorkload(SuiteSettings settings) => new CpuWorkload(settings.Latency);
}
