namespace IoBench.Core.Workloads;

/// <summary>
/// Counts the threads that can run the suite's operations: the thread that started the batch, thread-pool threads,
/// and the dedicated threads that strategies start. Every read is cheap, so the count can be sampled at every operation.
/// </summary>
public static class ThreadCensus
{
    private static int s_dedicated;

    /// <summary>The batch's own thread, thread-pool threads and live dedicated threads, right now.</summary>
    public static int Current => 1 + ThreadPool.ThreadCount + Volatile.Read(ref s_dedicated);

    /// <summary>Live dedicated threads started by strategies.</summary>
    public static int Dedicated => Volatile.Read(ref s_dedicated);

    /// <summary>Tests see each dedicated thread here (to check that none outlives its strategy); null otherwise.</summary>
    internal static Action<Thread>? DedicatedThreadObserver { get; set; }

    /// <summary>Called by a dedicated thread when it starts running its work.</summary>
    public static void DedicatedStarted()
    {
        Interlocked.Increment(ref s_dedicated);
        DedicatedThreadObserver?.Invoke(Thread.CurrentThread);
    }

    /// <summary>Called by a dedicated thread when its work is done, just before it exits.</summary>
    public static void DedicatedStopped() => Interlocked.Decrement(ref s_dedicated);
}
