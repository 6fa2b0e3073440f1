namespace IoBench.Core.Workloads;

/// <summary>
/// A count that threads on different cores add to without sharing a cache line: one Interlocked counter per stripe, the
/// stripe chosen by the core the thread runs on, each stripe on cache lines of its own; the value is their sum. A single
/// shared counter moves its line between the cores at every increment when two cores count at once (pool strategies).
/// Unlike <see cref="ThreadCounters"/> it needs no reset and allocates nothing after construction, whatever the threads.
/// </summary>
internal sealed class CoreStripedCount
{
    // 128 bytes between stripes: a cache line and its adjacent-line prefetch.
    private const int Spacing = 128 / sizeof(long);

    private readonly long[] _stripes;
    private readonly int _count;

    public CoreStripedCount()
    {
        _count = Math.Max(1, Environment.ProcessorCount);
        // One spacing before the first stripe too: the array's header shares a line with whatever precedes it.
        _stripes = new long[(_count + 1) * Spacing];
    }

    public void Increment() => Interlocked.Increment(ref _stripes[(1 + (Thread.GetCurrentProcessorId() % _count)) * Spacing]);

    public long Value
    {
        get
        {
            var sum = 0L;
            for (var i = 1; i <= _count; i++)
            {
                sum += Interlocked.Read(ref _stripes[i * Spacing]);
            }

            return sum;
        }
    }
}
