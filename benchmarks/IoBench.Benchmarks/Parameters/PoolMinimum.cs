using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks.Parameters;

/// <summary>
/// The MinWorkers parameter of the starvation lab: the benchmark process's ThreadPool.SetMinThreads for worker threads,
/// either the runtime's default (= cores, shown "default") or raised to N (shown "N"), so that every blocked operation
/// gets a thread at once. A cheap, deterministic descriptor that BenchmarkDotNet rebuilds in the child.
/// </summary>
public sealed record PoolMinimum(bool RaisedToN) : ICellRule
{
    public static PoolMinimum Default { get; } = new(false);

    public static PoolMinimum AsLargeAsN { get; } = new(true);

    /// <summary>The largest N SyncOverAsync runs at with the default minimum.</summary>
    public const int MaxStarvedSyncOverAsync = 100;

    /// <summary>The worker minimum for a batch of <paramref name="n"/>, or null to keep the runtime's.</summary>
    public int? For(int n) => RaisedToN ? n : null;

    public override string ToString() => RaisedToN ? "N" : "default";

    public string? WhyNotRun(StrategyKind strategy, int n, int k, SuiteSettings settings)
    {
        if (RaisedToN && !PoolRegime.HoldsPoolThreadWhileWaiting(strategy, WorkloadTraits.None))
        {
            return "holds no pool thread while it waits: the pool's minimum changes nothing (run at the default only)";
        }

        // Cooperative blocking adds threads up to min + cores at once, then one per 25-250 ms: about 4 a second from
        // 22 threads on, so 1000 blocked waits need minutes (the default suite's run missed its 60 s deadline there).
        return !RaisedToN && strategy == StrategyKind.SyncOverAsync && n > MaxStarvedSyncOverAsync
            ? "the pool starves: 1000 work items blocked on Task.Delay did not finish within the 60 s deadline (published run of 2026-11-22); with the minimum raised to N it runs"
            : null;
    }

    /// <summary>The pool-minimum parameter of a case, if it has one.</summary>
    public static PoolMinimum? Of(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.Select(p => p.Value).OfType<PoolMinimum>().FirstOrDefault();
}
