using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// The thread-pool starvation lab (--starvation, scripts/starvation.sh; issue 10): the strategies that block a pool
/// thread per operation (ThreadPool, TaskRun, SyncOverAsync) over Thread.Sleep / Task.Delay, with the pool's default
/// minimum of worker threads and with it raised to N, beside Task (which holds no thread while it waits). Every
/// measured batch carries the pool's thread count sampled through it from a dedicated thread, and the steady regime's
/// warm-up bursts are printed one by one, so the report can show how fast the pool injects threads and how it grows
/// from burst to burst. Both regimes apply as everywhere (PoolRegime.DependsOnPoolHistory).
/// </summary>
[BenchmarkCategory(Categories.Sleep)]
[Preset(Presets.Starvation)]
public class StarvationBenchmarks : BatchBenchmarks
{
    /// <summary>The three strategies that block a pool thread while they wait, and Task as the reference that needs none.</summary>
    public static IReadOnlyList<StrategyKind> LabStrategies { get; } =
        [StrategyKind.ThreadPool, StrategyKind.TaskRun, StrategyKind.SyncOverAsync, StrategyKind.Task];

    /// <summary>10: a few more than the pool starts with; 100: the pool must grow; 1000: it must grow for seconds.</summary>
    public static IReadOnlyList<int> LabOps { get; } = [10, 100, 1000];

    /// <summary>The worker threads' minimum in the benchmark process.</summary>
    [ParamsSource(nameof(MinWorkersValues))]
    public PoolMinimum MinWorkers { get; set; } = PoolMinimum.Default;

    // default: the runtime's (= cores), from which blocked work makes the pool inject threads;
    // N: SetMinThreads(N) before the first batch, so the pool creates a thread per blocked operation without delay.
    public IEnumerable<PoolMinimum> MinWorkersValues() => [PoolMinimum.Default, PoolMinimum.AsLargeAsN];

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SleepWorkload(settings.Latency);

    protected override IEnumerable<StrategyKind> Strategies() => LabStrategies.Where(Settings.Strategies.Contains);

    protected override IEnumerable<int> Ops() => DefaultOpsUnlessChosen([.. LabOps]);

    /// <summary>K = none only: none of the lab's strategies has a limit of its own.</summary>
    protected override IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None];

    protected override bool SamplesPoolTimeline => true;

    /// <summary>Raises the worker minimum before the process's first batch (the process line then prints it).</summary>
    protected override void PrepareProcess()
    {
        if (MinWorkers.For(N) is { } minimum)
        {
            ThreadPool.GetMinThreads(out _, out var io);
            if (!ThreadPool.SetMinThreads(minimum, io))
            {
                throw new InvalidOperationException($"ThreadPool.SetMinThreads({minimum}, {io}) was refused");
            }
        }
    }
}
