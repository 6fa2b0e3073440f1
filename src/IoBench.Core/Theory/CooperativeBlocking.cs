namespace IoBench.Core.Theory;

/// <summary>
/// The .NET thread pool's injection schedule for cooperative blocking, with the runtime's defaults (dotnet/runtime,
/// PortableThreadPool.Blocking.cs): a pool thread that blocks in Task.Wait / GetAwaiter().GetResult() tells the pool,
/// which raises its goal to minimum + blocked threads; it adds threads up to minimum + cores at once, then one thread
/// after a delay of 25 ms × (1 + threads added beyond that / cores), at most 250 ms. A thread blocked in Thread.Sleep
/// tells it nothing, so this schedule does not apply there. The lab's report sets SyncOverAsync's measured timeline
/// beside it.
/// </summary>
public static class CooperativeBlocking
{
    /// <summary>System.Threading.ThreadPool.Blocking.DelayStepMs's default.</summary>
    public const int DelayStepMs = 25;

    /// <summary>System.Threading.ThreadPool.Blocking.MaxDelayMs's default.</summary>
    public const int MaxDelayMs = 250;

    /// <summary>The threads the pool reaches without a delay: the minimum plus one per core (ThreadsToAddWithoutDelay).</summary>
    public static int WithoutDelay(int minimum, int cores) => minimum + cores;

    /// <summary>The thread count from which every further thread waits the longest delay.</summary>
    public static int AtMaxDelay(int minimum, int cores) => WithoutDelay(minimum, cores) + ((MaxDelayMs / DelayStepMs) - 1) * cores;

    /// <summary>How long after the work blocked the pool reaches <paramref name="threads"/> threads, if enough stay blocked.</summary>
    public static TimeSpan TimeToReach(int threads, int minimum, int cores)
    {
        var first = WithoutDelay(minimum, cores);
        var ms = 0.0;
        for (var goal = first; goal < threads; goal++)
        {
            ms += Math.Min(DelayStepMs * (1 + ((goal - first) / cores)), MaxDelayMs);
        }

        return TimeSpan.FromMilliseconds(ms);
    }
}
