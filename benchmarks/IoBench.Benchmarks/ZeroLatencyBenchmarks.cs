using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// The strategies' own cost per operation (--cost): a batch of <see cref="OpsPerBatch"/> operations that take no time,
/// measured in the style of dotnet/performance's micro benchmarks: OperationsPerInvoke = N, so BenchmarkDotNet's Mean
/// is nanoseconds per operation, and Alloc/op the bytes per operation. What is left is starting, running and joining
/// N operations: a Task, a pooled ValueTask source, a channel item, a semaphore slot, a post to the event loop, a pool
/// work item, or an OS thread.
/// </summary>
[BenchmarkCategory(Categories.ZeroLatency)]
[Preset(Presets.Cost)]
public class ZeroLatencyBenchmarks : BatchBenchmarks
{
    /// <summary>
    /// N: large enough that a batch's fixed cost (the watchdog slot, Task.WhenAll's array, a channel) is spread thin,
    /// small enough for Thread (1,000 threads created and joined: about 0.2 s).
    /// </summary>
    public const int OpsPerBatch = 1000;

    [ParamsSource(nameof(CompletionValues))]
    public ZeroLatencyCompletion Completion { get; set; } = ZeroLatencyCompletion.Immediate;

    public IEnumerable<ZeroLatencyCompletion> CompletionValues() => [ZeroLatencyCompletion.Immediate, ZeroLatencyCompletion.Yield];

    /// <summary>The batch of the base class, divided by N: Mean is per operation.</summary>
    [Benchmark(OperationsPerInvoke = OpsPerBatch)]
    public override Task Batch() => base.Batch();

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new ZeroLatencyWorkload(Completion.Yields);

    /// <summary>N is fixed: OperationsPerInvoke is a compile-time constant, so --ops does not apply to this family.</summary>
    protected override IEnumerable<int> Ops() => [OpsPerBatch];

    /// <summary>K = none: a limit adds its waits, which are the law of the waves, not a cost per operation.</summary>
    protected override IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None];
}
