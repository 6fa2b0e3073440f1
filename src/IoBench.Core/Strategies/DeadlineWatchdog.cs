namespace IoBench.Core.Strategies;

/// <summary>
/// Ends batches at their deadline from one dedicated thread. CancellationTokenSource.CancelAfter fires from a
/// timer that needs a thread-pool thread, so a batch that starved the pool (SyncOverAsync, blocking work items)
/// could outlive its deadline by as long as the pool takes to grow; this thread is never starved.
/// </summary>
/// <remarks>
/// Built to stay out of the measured path: a batch takes a slot in a small array under an uncontended lock and clears
/// it when it ends, nothing is queued or kept, and the thread is never woken by a batch. It polls every
/// <see cref="Poll"/> instead, so a deadline fires up to that much late, which is nothing next to deadlines of seconds.
/// </remarks>
internal static class DeadlineWatchdog
{
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private static readonly object s_gate = new();
    private static BatchDeadline?[] s_active = new BatchDeadline?[8];
    private static Thread? s_thread;

    /// <summary>Watches <paramref name="deadline"/> until <see cref="Forget"/>; returns the slot to forget.</summary>
    public static int Watch(BatchDeadline deadline)
    {
        lock (s_gate)
        {
            s_thread ??= StartThread();
            var slot = Array.IndexOf(s_active, null);
            if (slot < 0)
            {
                slot = s_active.Length;
                Array.Resize(ref s_active, slot * 2);
            }

            s_active[slot] = deadline;
            return slot;
        }
    }

    /// <summary>Stops watching a batch that ended (a no-op when its deadline already fired).</summary>
    public static void Forget(int slot, BatchDeadline deadline)
    {
        lock (s_gate)
        {
            if (ReferenceEquals(s_active[slot], deadline))
            {
                s_active[slot] = null;
            }
        }
    }

    private static Thread StartThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "IoBench deadline watchdog" };
        thread.Start();
        return thread;
    }

    private static void Run()
    {
        var due = new List<BatchDeadline>();
        while (true)
        {
            Thread.Sleep(Poll);
            var now = Environment.TickCount64;
            lock (s_gate)
            {
                for (var i = 0; i < s_active.Length; i++)
                {
                    if (s_active[i] is { } deadline && deadline.DueTick <= now)
                    {
                        s_active[i] = null;
                        due.Add(deadline);
                    }
                }
            }

            foreach (var deadline in due)
            {
                deadline.Expire();
            }

            due.Clear();
        }
    }
}
