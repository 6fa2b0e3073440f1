namespace IoBench.LatencyServer;

/// <summary>Tracks the highest ThreadPool.ThreadCount seen at request boundaries, without locks.</summary>
internal sealed class ThreadPoolPeak
{
    private int _peak = ThreadPool.ThreadCount;

    public int Peak => Volatile.Read(ref _peak);

    public void Observe()
    {
        var current = ThreadPool.ThreadCount;
        var seen = Volatile.Read(ref _peak);
        // Compare-and-swap loop so concurrent requests never lower the maximum.
        while (current > seen)
        {
            var previous = Interlocked.CompareExchange(ref _peak, current, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    public void Reset() => Interlocked.Exchange(ref _peak, ThreadPool.ThreadCount);
}
