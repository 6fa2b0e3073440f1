namespace IoBench.Core.Strategies;

/// <summary>
/// The strategies by their permanent names: these are benchmark parameter values, so never rename one;
/// add a new name when a meaning changes.
/// </summary>
public enum StrategyKind
{
    /// <summary>Blocking calls one after another (a sync handler).</summary>
    Sequential,

    /// <summary>Awaiting each async call in turn: async code that is still sequential.</summary>
    SequentialAwait,

    /// <summary>One dedicated thread per operation with the blocking call.</summary>
    Thread,

    /// <summary>One thread-pool work item per operation with the blocking call.</summary>
    ThreadPool,

    /// <summary>Task.Run over the blocking call, then Task.WhenAll (FastAPI's def handler on a thread pool).</summary>
    TaskRun,

    /// <summary>Start every async call, then Task.WhenAll (asyncio.gather).</summary>
    Task,

    /// <summary>The async calls through pooled ValueTasks: same overlap as Task, less allocation.</summary>
    ValueTask,

    /// <summary>A producer writes N items into a bounded channel; K consumers make the async call (asyncio.Queue).</summary>
    Channel,

    /// <summary>At most K async calls in flight (asyncio.Semaphore): ceil(N/K) x L.</summary>
    Bounded,

    /// <summary>All async calls on one thread with a single-threaded SynchronizationContext (asyncio, Node).</summary>
    EventLoop,

    /// <summary>The blocking call made on that event loop (time.sleep inside async def): N x L.</summary>
    EventLoopBlocking,

    /// <summary>Thread-pool work items that block on the async call (the starvation anti-pattern).</summary>
    SyncOverAsync,

    /// <summary>
    /// Parallel.ForEachAsync over the async calls with default ParallelOptions: its degree of parallelism is the processor
    /// count, so waiting calls take ceil(N/cores) x L, not max(L) (the trap: a default made for computation).
    /// </summary>
    ParallelForEachAsync,

    /// <summary>Parallel.ForEachAsync with MaxDegreeOfParallelism = N: every call in flight, max(L) like Task.</summary>
    ParallelForEachAsyncUnbounded,

    /// <summary>Parallel.ForEach over the blocking calls, default options: the calling thread and the pool threads it gets.</summary>
    ParallelForEach,
}
