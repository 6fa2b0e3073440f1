using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks;

/// <summary>
/// The floor every async strategy is read against: Task.WhenAll over N Task.Delay(L), with no strategy, no probe, no
/// deadline watchdog and no check, in the same run and the same job as <see cref="ScalingBenchmarks"/>. Its memory per
/// pending operation is that of a bare Task.Delay (a Task and its timer).
/// </summary>
[BenchmarkCategory(Categories.Sleep)]
[Preset(Presets.Scaling)]
[IterationCount(ScalingBenchmarks.Iterations)]
public class BareDelayBaseline
{
    private static readonly SuiteSettings s_settings = SuiteSettings.FromEnvironment();
    private PendingMemory? _pendingMemory;
    private long _allocatedAtStart;
    private GcClock _collectionsAtStart;

    [ParamsSource(nameof(OpsValues))]
    public int N { get; set; }

    public IEnumerable<int> OpsValues() => s_settings.ExplicitOps ?? ScalingBenchmarks.ScalingOps;

    [GlobalSetup]
    public void Setup()
    {
        // The same warm burst and memory batch as the scaling family's steady cases.
        WhenAllDelay().GetAwaiter().GetResult();
        _pendingMemory = PendingMemory.MeasureAsync(WhenAllDelay).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void BeginBatch()
    {
        _collectionsAtStart = GcClock.Now;
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
    }

    [Benchmark]
    public Task WhenAllDelay()
    {
        var delays = new Task[N];
        for (var i = 0; i < delays.Length; i++)
        {
            delays[i] = Task.Delay(s_settings.Latency);
        }

        return Task.WhenAll(delays);
    }

    /// <summary>The same batch line as the batch families (pool, allocations, memory); threads and Sync% are not observed here.</summary>
    [IterationCleanup]
    public void EndBatch() => Console.WriteLine(new BatchMetrics(
        ThreadPool.ThreadCount, ThreadPool.ThreadCount, 0, null, N, GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart, 0)
    {
        Memory = _pendingMemory,
        Collections = GcClock.Since(_collectionsAtStart),
    }.ToLine());
}
