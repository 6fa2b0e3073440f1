using IoBench.Core.Strategies;

namespace IoBench.Core.Theory;

/// <summary>Which cells of the workload x strategy x N x K matrix a suite runs, and why the others are not run.</summary>
public static class CellPlan
{
    /// <summary>
    /// Null when the cell runs; otherwise the reason it is not run, for the report. A cell does not run when K
    /// means nothing for it, or when its best possible time is already over the budget for one batch: N x L for a
    /// strategy that is sequential by nature, ceil(N/cores) x L for work that computes. A workload whose async API
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

        var sequential = Bounds.Sequential(count, latency);
        if (Strategy.Create(kind, limit).SequentialByNature && sequential > budget)
        {
            return $"sequential by nature: N×L = {sequential.TotalSeconds:0.#} s per batch";
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
