using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Core.Theory;

/// <summary>
/// The thread-pool regimes a cell is measured in, and the rule that says which cells need both. The .NET thread pool
/// starts with one thread per core and keeps the threads a burst made it add (idle ones retire after about 20 s), so a
/// cell whose operations hold pool threads gets faster burst after burst: its figure means something only with the
/// pool's history stated.
/// </summary>
public static class PoolRegime
{
    /// <summary>The first batch of a fresh process: what a service meets on its first burst.</summary>
    public const string Cold = "Cold";

    /// <summary>Batches measured after warm bursts stopped changing the pool's thread count (every cell has this one).</summary>
    public const string Steady = "Steady";

    /// <summary>
    /// True when the cell's time depends on how many threads the pool has grown so far, so it is published in both
    /// regimes. The rule: more operations are in flight than the pool starts with (one thread per core), and either the
    /// strategy blocks a pool thread on an async call (SyncOverAsync, whatever the call does), or the work waits rather
    /// than computes and each waiting operation holds a pool thread — the strategy blocks one (ThreadPool, TaskRun,
    /// ParallelForEach), or its consumers or workers make a call that completes synchronously on a pool thread (Channel or
    /// ParallelForEachAsyncUnbounded over SQLite), or the async call itself
    /// blocks one (FileWrite's pwrite and fsync), or the server holds one per request (a blocking handler on the server's
    /// default pool).
    /// </summary>
    public static bool DependsOnPoolHistory(StrategyKind kind, int limit, int count, WorkloadTraits traits, int cores)
    {
        if (Strategy.MaxInFlight(kind, limit, count, cores) <= cores)
        {
            return false;
        }

        // Sync-over-async blocks a pool thread on an operation whose own continuation needs another pool thread: it
        // starves the pool whatever the operation does (Cpu's SyncOverAsync N = 100: a first batch of 23 s, then 1.6 s).
        if (kind is StrategyKind.SyncOverAsync)
        {
            return true;
        }

        if (traits.HasFlag(WorkloadTraits.CpuBound))
        {
            return false;
        }

        return HoldsPoolThreadWhileWaiting(kind, traits) || traits.HasFlag(WorkloadTraits.ServerHoldsPoolThread);
    }

    /// <summary>True when each operation of <paramref name="kind"/> holds a client pool thread for the whole of its wait.</summary>
    public static bool HoldsPoolThreadWhileWaiting(StrategyKind kind, WorkloadTraits traits) =>
        kind is StrategyKind.ThreadPool or StrategyKind.TaskRun or StrategyKind.SyncOverAsync or StrategyKind.ParallelForEach
        || (kind is StrategyKind.Channel or StrategyKind.ParallelForEachAsync or StrategyKind.ParallelForEachAsyncUnbounded && traits.HasFlag(WorkloadTraits.SynchronousAsync))
        || (traits.HasFlag(WorkloadTraits.AsyncHoldsPoolThread) && Strategy.Create(kind).Form == WorkloadForm.Async);
}
