using IoBench.Core.Strategies;

namespace IoBench.Core.Theory;

/// <summary>
/// The two bounds every measured batch sits between, and the laws in between: N operations of latency L take
/// N x L fully sequential, max(L) fully overlapped, ceil(N/K) x L with K in flight, ceil(N/cores) x L when they compute
/// (or when the strategy's own limit is the cores: Parallel.ForEachAsync's default).
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

    /// <summary>
    /// The best time of <paramref name="kind"/> for N operations that wait rather than compute: ceil(N/M) x L, M the most
    /// it has in flight (<see cref="Strategy.MaxInFlight(StrategyKind, int, int, int)"/>). N x L for a strategy sequential
    /// by nature, ceil(N/K) x L for a K row, ceil(N/cores) x L for Parallel.ForEachAsync's default degree of parallelism
    /// (the processor count: a law of the cores although nothing computes), max(L) for a strategy with no limit of its own
    /// (where its operations hold pool threads, only once the pool has N of them: see <see cref="PoolRegime"/>).
    /// </summary>
    public static TimeSpan AtBest(StrategyKind kind, int count, int limit, int cores, TimeSpan latency) =>
        Limited(count, Strategy.MaxInFlight(kind, limit, count, cores), latency);

    /// <summary>Mean / max(L): 1.0 is perfectly overlapped, N is fully sequential.</summary>
    public static double ConcurrencyFactor(TimeSpan mean, TimeSpan latency) =>
        latency > TimeSpan.Zero ? mean / latency : double.NaN;

    /// <summary>How many times faster than the sequential batch at the same N.</summary>
    public static double Speedup(TimeSpan sequential, TimeSpan mean) =>
        mean > TimeSpan.Zero ? sequential / mean : double.NaN;

    private static int Waves(int count, int limit) => (count + limit - 1) / limit;
}
