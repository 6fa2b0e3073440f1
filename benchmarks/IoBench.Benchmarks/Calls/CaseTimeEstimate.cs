using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks.Calls;

/// <summary>
/// How long one case of a call run takes, from the call's measured L, for the time cap's plan: its process, its global
/// setup's warm-ups, and its measured batches each with the L sample before it. A batch takes what its law says at best
/// (N×L one at a time, ceil(N/K)×L in waves, max(L) overlapped); a pool-dependent one, waves of the threads a steady
/// pool has after its warm-up.
/// </summary>
public static class CaseTimeEstimate
{
    /// <summary>
    /// A benchmark process's own time around its batches: start, BenchmarkDotNet's engine, the call's setup (a probe call,
    /// warm connections), exit. Whole cases of a 20 ms call took 1.9 s on average here (62 cases in 120 s), 3-4 s on the
    /// shared machine at a load of 15; the clock holds the cap when they take longer.
    /// </summary>
    public static readonly TimeSpan Process = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Building BenchmarkDotNet's generated project, once per runtime: 25-35 s on a quiet machine, 63-86 s on the shared
    /// one; the clock holds the cap when it takes longer.
    /// </summary>
    public static readonly TimeSpan Build = TimeSpan.FromSeconds(45);

    /// <summary>
    /// The threads a pool-dependent batch has in flight after a steady warm-up of a few seconds on this machine's cores (the
    /// pool injects one or two a second beyond its minimum; the starvation lab's runs), so such a batch takes waves of them.
    /// </summary>
    public static int SteadyPoolThreads => Environment.ProcessorCount + 8;

    /// <summary>The estimated time of one case of a call run whose call takes <paramref name="latency"/>.</summary>
    public static TimeSpan Of(BenchmarkCase benchmarkCase, SuiteSettings settings, TimeSpan latency, WorkloadTraits traits)
    {
        if (BatchCase.From(benchmarkCase) is not { } batch)
        {
            return Process;
        }

        var clientLimit = benchmarkCase.Parameters.Items.Select(p => p.Value switch
        {
            ClientConnections c => c.Value,
            PoolSize pool => pool.Size,
            _ => 0,
        }).FirstOrDefault(v => v > 0);
        var dependsOnPool = PoolRegime.DependsOnPoolHistory(batch.Strategy, batch.K, batch.N, traits, Environment.ProcessorCount);
        var one = Batch(batch.Strategy, batch.N, batch.K, clientLimit, latency, traits, dependsOnPool);
        // Each measured batch has its L sample before it: at least 3 calls, more until 20 ms, at most 100.
        var sample = Max(latency * BatchBenchmarks.PairedSamples, Min(latency * 100, TimeSpan.FromMilliseconds(20)));
        // Setup: bursts until the pool settles (at most the steady warm-up), or batches until their code tiers up (at most
        // 1 s, at least one batch).
        var warmBatches = dependsOnPool
            ? Max(one, settings.SteadyWarmup)
            : Max(one, Min(TimeSpan.FromSeconds(1), Max(TimeSpan.FromMilliseconds(500), one * TieredWarmup.MinOperations)));
        return Process + warmBatches + ((one + sample) * (settings.SteadyIterations + settings.SteadyWarmupIterations));
    }

    /// <summary>One batch at best by its law (the plan's own bounds), at L = <paramref name="latency"/>.</summary>
    public static TimeSpan Batch(StrategyKind kind, int n, int k, int clientLimit, TimeSpan latency, WorkloadTraits traits, bool dependsOnPool)
    {
        var strategy = Strategy.Create(kind, k);
        if (strategy.SequentialByNature || (traits.HasFlag(WorkloadTraits.SynchronousAsync) && Strategy.OverlapsOnlyPendingCalls(kind)))
        {
            return Bounds.Sequential(n, latency);
        }

        var inFlight = Strategy.MaxInFlight(kind, k, n);
        if (clientLimit > 0)
        {
            inFlight = Math.Min(inFlight, clientLimit);
        }

        if (dependsOnPool)
        {
            inFlight = Math.Min(inFlight, SteadyPoolThreads);
        }

        // A dedicated thread costs ~0.2 ms to start (measured): N of them add up before the last call starts.
        var start = kind == StrategyKind.Thread ? TimeSpan.FromMilliseconds(0.2) * n : TimeSpan.Zero;
        return Bounds.Limited(n, inFlight, latency) + start;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
