namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// The garbage collector's counters at one moment: collections of every generation and the total pause so far. A batch
/// whose pending operations hold more objects makes each collection during it mark and promote more of them, so the
/// pause, not the allocation, is where a wrapper per operation costs time at 100,000 pending operations.
/// </summary>
internal readonly record struct GcClock(int Collections, TimeSpan Pause)
{
    public static GcClock Now => new(GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2), GC.GetTotalPauseDuration());

    /// <summary>Collections and pause milliseconds since <paramref name="start"/>.</summary>
    public static (int Count, double PauseMs) Since(GcClock start)
    {
        var now = Now;
        return (now.Collections - start.Collections, (now.Pause - start.Pause).TotalMilliseconds);
    }
}
