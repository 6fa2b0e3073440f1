namespace IoBench.Core.Strategies;

/// <summary>The one registry of strategies, in the style of Channel.CreateBounded: callers name a strategy, never a class.</summary>
public static class Strategy
{
    /// <summary>Every strategy kind, in the order reports list them.</summary>
    public static IReadOnlyList<StrategyKind> All { get; } = Enum.GetValues<StrategyKind>();

    /// <summary>True for the strategies whose <c>limit</c> (K) means something.</summary>
    public static bool UsesLimit(StrategyKind kind) => kind is StrategyKind.Channel or StrategyKind.Bounded;

    /// <summary>
    /// True for the async strategies whose only source of overlap is the pending tasks of the calls: they make every
    /// call from one thread (the caller's, or the event loop's), so when the async API completes synchronously they run
    /// one call after another. Not Channel: its consumers resume on pool threads (a channel runs continuations
    /// asynchronously), nor SyncOverAsync or the Parallel.ForEachAsync ones, whose calls are made from pool work items.
    /// </summary>
    public static bool OverlapsOnlyPendingCalls(StrategyKind kind) =>
        kind is StrategyKind.SequentialAwait or StrategyKind.Task or StrategyKind.ValueTask or StrategyKind.Bounded or StrategyKind.EventLoop;

    /// <summary>
    /// True for the strategy whose own limit is the machine's processor count: Parallel.ForEachAsync with default
    /// ParallelOptions, whose degree of parallelism then is Environment.ProcessorCount.
    /// </summary>
    public static bool LimitIsCores(StrategyKind kind) => kind is StrategyKind.ParallelForEachAsync;

    /// <summary>
    /// The most operations <paramref name="kind"/> has in flight at once in a batch of <paramref name="count"/> on this
    /// machine: its own limit (1 for the strategies that are sequential by nature, K for Channel and Bounded, the processor
    /// count for ParallelForEachAsync), else all of them.
    /// </summary>
    public static int MaxInFlight(StrategyKind kind, int limit, int count) => MaxInFlight(kind, limit, count, Environment.ProcessorCount);

    /// <summary>As <see cref="MaxInFlight(StrategyKind, int, int)"/> on a machine of <paramref name="cores"/> (a run's, as its data file records it).</summary>
    public static int MaxInFlight(StrategyKind kind, int limit, int count, int cores) =>
        (LimitIsCores(kind) ? cores : Create(kind, limit).Limit) is > 0 and var own ? Math.Min(own, count) : count;

    /// <summary>Creates a strategy; <paramref name="limit"/> is K for Channel and Bounded (0 = one per operation).</summary>
    public static IStrategy Create(StrategyKind kind, int limit = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return kind switch
        {
            StrategyKind.Sequential => new SequentialStrategy(),
            StrategyKind.SequentialAwait => new SequentialAwaitStrategy(),
            StrategyKind.Thread => new DedicatedThreadStrategy(),
            StrategyKind.ThreadPool => new ThreadPoolStrategy(),
            StrategyKind.TaskRun => new TaskRunStrategy(),
            StrategyKind.Task => new TaskStrategy(),
            StrategyKind.ValueTask => new ValueTaskStrategy(),
            StrategyKind.Channel => new ChannelStrategy(limit),
            StrategyKind.Bounded => new BoundedStrategy(limit),
            StrategyKind.EventLoop => new EventLoopStrategy(),
            StrategyKind.EventLoopBlocking => new EventLoopBlockingStrategy(),
            StrategyKind.SyncOverAsync => new SyncOverAsyncStrategy(),
            StrategyKind.ParallelForEachAsync => new ParallelForEachAsyncStrategy(unbounded: false),
            StrategyKind.ParallelForEachAsyncUnbounded => new ParallelForEachAsyncStrategy(unbounded: true),
            StrategyKind.ParallelForEach => new ParallelForEachStrategy(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown strategy."),
        };
    }

    /// <summary>Parses a strategy name (case-insensitive); false for an unknown name.</summary>
    public static bool TryParse(string name, out StrategyKind kind) =>
        Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _);
}
