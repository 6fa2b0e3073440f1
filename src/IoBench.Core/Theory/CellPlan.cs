using System.Globalization;
using IoBench.Core.Strategies;

namespace IoBench.Core.Theory;

/// <summary>Which cells of the workload x strategy x N x K matrix a suite runs, and why the others are not run.</summary>
public static class CellPlan
{
    /// <summary>
    /// The most dedicated threads one Thread batch starts: at ~0.2 ms to start each (measured), 10,000 threads spend
    /// ~2 s (the default budget) in creation alone and reserve 80 GB of stack (8 MB each), so the batch measures
    /// thread creation and memory, not overlapped waiting.
    /// </summary>
    public const int MaxDedicatedThreads = 10_000;

    /// <summary>
    /// Null when the cell runs; otherwise the reason it is not run, for the report. A cell does not run when K
    /// means nothing for it, or when its best possible time is already over the budget for one batch: N x L for a
    /// strategy that is sequential by nature, ceil(N/K) x L for a K row, ceil(N/cores) x L for work that computes or for
    /// Parallel.ForEachAsync's default degree of parallelism; or
    /// when the strategy would start more dedicated threads than <see cref="MaxDedicatedThreads"/>. A workload whose async API
    /// completes synchronously (<paramref name="synchronousAsync"/>) makes the strategies that overlap only pending
    /// calls sequential too (<see cref="Strategy.OverlapsOnlyPendingCalls"/>).
    /// </summary>
    public static string? WhyNotRun(StrategyKind kind, int count, int limit, TimeSpan latency, TimeSpan budget, bool cpuBound, int cores, bool synchronousAsync = false)
    {
        if (limit != 0 && !Strategy.UsesLimit(kind))
        {
            return "K applies to Channel and Bounded only";
        }

        if (limit != 0 && limit >= count)
        {
            return "K does not bind when K >= N";
        }

        // A K row repeats the unlimited row where nothing could run more than K at once anyway.
        if (limit != 0 && synchronousAsync && Strategy.OverlapsOnlyPendingCalls(kind))
        {
            return "K does not bind: the async calls already complete one at a time";
        }

        if (limit != 0 && cpuBound && limit >= cores)
        {
            return "K does not bind: CPU-bound work runs at most one operation per core";
        }

        // One operation is L itself, which the steady Sequential N = 1 case samples over many operations in both forms;
        // another strategy's N = 1 batch would only add its own fixed cost to it.
        if (count == 1 && !Strategy.Create(kind, limit).SequentialByNature)
        {
            return "N = 1 is one operation: L, sampled by Sequential";
        }

        // An operation whose time a device decides has no nominal L: every case samples it around its batches, hundreds of
        // operations one after another. A batch of one sub-millisecond operation is below what one invocation resolves: its
        // first operation pays a fixed cost (FileWrite's single-operation batches took 0.22-0.25 ms against 0.19 ms back to back).
        if (count == 1 && latency == TimeSpan.Zero)
        {
            return "N = 1 is one device-decided operation: L, sampled around every batch";
        }

        if (kind == StrategyKind.Thread && count > MaxDedicatedThreads)
        {
            return string.Create(CultureInfo.InvariantCulture, $"one OS thread per operation: N > {MaxDedicatedThreads:N0} threads (~0.2 ms to start and 8 MB stack reserve each)");
        }

        // A K row's best case is waves of K: when those alone exceed the budget the batch would only run into its deadline.
        var limited = Bounds.Limited(count, limit, latency);
        if (limit != 0 && limited > budget)
        {
            return $"K = {limit}: at best ceil(N/K)×L = {limited.TotalSeconds:0.#} s per batch";
        }

        var sequential = Bounds.Sequential(count, latency);
        if (Strategy.Create(kind, limit).SequentialByNature && sequential > budget)
        {
            return $"sequential by nature: N×L = {sequential.TotalSeconds:0.#} s per batch";
        }

        // Parallel.ForEachAsync's default degree (the cores) makes waves of waiting calls too: 1000 x 20 ms on 2 cores is 10 s.
        var atBest = Bounds.AtBest(kind, count, limit, cores, latency);
        if (Strategy.LimitIsCores(kind) && atBest > budget)
        {
            return $"default degree of parallelism = cores: at best ceil(N/cores)×L = {atBest.TotalSeconds:0.#} s per batch";
        }

        if (synchronousAsync && Strategy.OverlapsOnlyPendingCalls(kind) && sequential > budget)
        {
            return $"async API completes synchronously: N×L = {sequential.TotalSeconds:0.#} s per batch";
        }

        var coreBound = Bounds.CoreBound(count, cores, latency);
        if (cpuBound && coreBound > budget)
        {
            return $"CPU-bound: at best ceil(N/cores)×L = {coreBound.TotalSeconds:0.#} s per batch";
        }

        return null;
    }
}
