namespace IoBench.Core.Strategies;

/// <summary>
/// Cancels batches at their deadline from one dedicated thread. CancellationTokenSource.CancelAfter fires from a
/// timer that needs a thread-pool thread, so a batch that starved the pool (SyncOverAsync, blocking work items)
/// could outlive its deadline by as long as the pool takes to grow; this thread is never starved.
/// </summary>
internal static class DeadlineWatchdog
{
    private static readonly PriorityQueue<CancellationTokenSource, long> s_deadlines = new();
    private static readonly object s_gate = new();
    private static Thread? s_thread;

    /// <summary>Cancels <paramref name="source"/> after <paramref name="delay"/> (a disposed source is skipped).</summary>
    public static void CancelAfter(CancellationTokenSource source, TimeSpan delay)
    {
        var due = Environment.TickCount64 + (long)Math.Ceiling(delay.TotalMilliseconds);
        lock (s_gate)
        {
            s_deadlines.Enqueue(source, due);
            s_thread ??= StartThread();
            Monitor.Pulse(s_gate);
        }
    }

    private static Thread StartThread()
    {
        var thread = new Thread(Watch) { IsBackground = true, Name = "IoBench deadline watchdog" };
        thread.Start();
        return thread;
    }

    private static void Watch()
    {
        while (true)
        {
            CancellationTokenSource due;
            lock (s_gate)
            {
                while (true)
                {
                    if (s_deadlines.TryPeek(out _, out var at))
                    {
                        var wait = at - Environment.TickCount64;
                        if (wait <= 0)
                        {
                            due = s_deadlines.Dequeue();
                            break;
                        }

                        Monitor.Wait(s_gate, TimeSpan.FromMilliseconds(wait));
                    }
                    else
                    {
                        Monitor.Wait(s_gate);
                    }
                }
            }

            try
            {
                due.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The batch finished in time and disposed its source.
            }
        }
    }
}
