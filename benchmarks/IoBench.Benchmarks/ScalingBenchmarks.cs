using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// The strategies' own cost at scale (--scaling, scripts/scaling.sh at L = 100 ms): Task.Delay / Thread.Sleep for N
/// from 1 to 1,000,000, beside <see cref="BareDelayBaseline"/> measured in the same run, so that Mean/max(L) and the
/// ratio to the bare Task.WhenAll show where a strategy's own cost starts to show. Each case also measures memory per
/// pending operation.
/// </summary>
[BenchmarkCategory(Categories.Sleep)]
[Preset(Presets.Scaling)]
[IterationCount(ScalingBenchmarks.Iterations)]
public class ScalingBenchmarks : BatchBenchmarks
{
    /// <summary>
    /// The async strategies the scaling question is about, Sequential (N = 1 samples L; N = 10 is N×L) and Thread
    /// (one OS thread per pending operation, up to <see cref="IoBench.Core.Theory.CellPlan.MaxDedicatedThreads"/>).
    /// </summary>
    public static IReadOnlyList<StrategyKind> ScalingStrategies { get; } =
    [
        StrategyKind.Sequential, StrategyKind.Thread, StrategyKind.Task, StrategyKind.ValueTask,
        StrategyKind.Channel, StrategyKind.Bounded, StrategyKind.EventLoop,
    ];

    /// <summary>
    /// Measured batches per case (the suite's default is 5): at N = 100,000 the bare baseline's batches spread from 120 to
    /// 190 ms on the busy shared machine, and the ratio to it is the figure this family exists for.
    /// </summary>
    public const int Iterations = 15;

    /// <summary>Decades from one operation to a million pending ones (SuiteSettings.MaxOps).</summary>
    public static IReadOnlyList<int> ScalingOps { get; } = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new SleepWorkload(settings.Latency);

    protected override IEnumerable<StrategyKind> Strategies() => ScalingStrategies.Where(Settings.Strategies.Contains);

    protected override IEnumerable<int> Ops() => DefaultOpsUnlessChosen([.. ScalingOps]);

    /// <summary>K = none only: the rows that can hold N operations in flight.</summary>
    protected override IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None];

    protected override bool MeasuresPendingMemory => true;
}
