using System.Runtime.CompilerServices;

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
    private static StrongBox<bool>? s_stopped;

    /// <summary>The watchdog's thread, once started (tests check that it runs before a cold batch starts).</summary>
    internal static Thread? WatchThread
    {
        get
        {
            lock (s_gate)
            {
                return s_thread;
            }
        }
    }

    /// <summary>
    /// Starts the thread if it is not running. The benchmarks call it in setup, outside the timed region, so that a cold
    /// process's first batch does not start it inside its time (a thread start: 0.1 to 0.3 ms; issue 19).
    /// </summary>
    public static void Start()
    {
        lock (s_gate)
        {
            s_thread ??= StartThread();
        }
    }

    /// <summary>Ends the thread as if the process were fresh (tests of a cold process's first batch; no batch may be watched).</summary>
    internal static void StopForTests()
    {
        lock (s_gate)
        {
            if (s_stopped is not null)
            {
                s_stopped.Value = true;
            }

            s_thread = null;
        }
    }

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
        var stopped = new StrongBox<bool>();
        s_stopped = stopped;
        var thread = new Thread(() => Run(stopped)) { IsBackground = true, Name = "IoBench deadline watchdog" };
        thread.Start();
        return thread;
    }

    private static void Run(StrongBox<bool> stopped)
    {
        var due = new List<BatchDeadline>();
        while (true)
        {
            Thread.Sleep(Poll);
            var now = Environment.TickCount64;
            lock (s_gate)
            {
                if (stopped.Value)
                {
                    return;
                }

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
