using System.Runtime.InteropServices;

namespace IoBench.Core.Workloads;

/// <summary>
/// One thread's counts in a <see cref="ThreadCounters"/>: written by that thread alone, without atomic instructions, and
/// read after the batch. Its fields sit 64 bytes from either end of the object, so no other thread's counts share their
/// cache line (two cores incrementing one shared counter move its line between them at every operation).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal sealed class ThreadCounts
{
    /// <summary>The counters; what each one counts is its owner's choice.</summary>
    [FieldOffset(64)]
    public long First;

    [FieldOffset(72)]
    public long Second;

    [FieldOffset(80)]
    public long Third;

    /// <summary>The highest value this thread saw of something sampled (the thread census).</summary>
    [FieldOffset(88)]
    public int Peak;

    public void Clear()
    {
        First = 0;
        Second = 0;
        Third = 0;
        Peak = 0;
    }
}
