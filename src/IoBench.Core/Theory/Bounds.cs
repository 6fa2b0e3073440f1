namespace IoBench.Core.Theory;

/// <summary>
/// The two bounds every measured batch sits between, and the laws in between: N operations of latency L take
/// N x L fully sequential, max(L) fully overlapped, ceil(N/K) x L with K in flight, ceil(N/cores) x L when they compute.
/// </summary>
public static class Bounds
{
    /// <summary>N x L: every operation waits for the previous one.</summary>
    public static TimeSpan Sequential(int count, TimeSpan latency) => latency * count;

    /// <summary>max(L): every operation overlaps every other (all latencies are equal here, so max(L) = L).</summary>
    public static TimeSpan Overlapped(TimeSpan latency) => latency;

    /// <summary>ceil(N/K) x L: waves of K operations (a semaphore, a pool or a connection limit of K).</summary>
    public static TimeSpan Limited(int count, int limit, TimeSpan latency) =>
        limit <= 0 || count == 0 ? latency : latency * Waves(count, limit);

    /// <summary>ceil(N/cores) x L: CPU work cannot overlap beyond the cores that run it.</summary>
    public static TimeSpan CoreBound(int count, int cores, TimeSpan latency) => Limited(count, cores, latency);

    /// <summary>Mean / max(L): 1.0 is perfectly overlapped, N is fully sequential.</summary>
    public static double ConcurrencyFactor(TimeSpan mean, TimeSpan latency) =>
        latency > TimeSpan.Zero ? mean / latency : double.NaN;

    /// <summary>How many times faster than the sequential batch at the same N.</summary>
    public static double Speedup(TimeSpan sequential, TimeSpan mean) =>
        mean > TimeSpan.Zero ? sequential / mean : double.NaN;

    private static int Waves(int count, int limit) => (count + limit - 1) / limit;
}
