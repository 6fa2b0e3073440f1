using System.Diagnostics;

namespace IoBench.Core.Workloads;

/// <summary>
/// What the operations of one batch did and where their failures went: how many finished, how many of those failed,
/// how many failures the caller's own code caught (<see cref="ReachedCaller"/>), how many the runtime raised on
/// TaskScheduler.UnobservedTaskException (a dropped faulted task, when a collection finalizes it), and the time from the
/// first operation's start to the last one's end.
/// </summary>
public sealed class FailureTally
{
    // One handler for the process: each failure names its own tally, so a late event (a task finalized after a later
    // batch started) is still credited to the batch whose task it was.
    static FailureTally() => TaskScheduler.UnobservedTaskException += (_, e) => CountUnobserved(e.Exception);

    private long _finished;
    private long _failed;
    private long _caught;
    private long _unobserved;
    private long _firstStart;
    private long _lastEnd;

    public long Finished => Interlocked.Read(ref _finished);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Failures of this batch that the caller's code caught (it called <see cref="ReachedCaller"/>).</summary>
    public long Caught => Interlocked.Read(ref _caught);

    /// <summary>Failures of this batch that the runtime raised on TaskScheduler.UnobservedTaskException.</summary>
    public long Unobserved => Interlocked.Read(ref _unobserved);

    /// <summary>From the first operation's start to the last finished one's end (Stopwatch), or null before any ended.</summary>
    public TimeSpan? CallsTime =>
        Interlocked.Read(ref _firstStart) is var start and not 0 && Interlocked.Read(ref _lastEnd) is var end and not 0
            ? Stopwatch.GetElapsedTime(start, end)
            : null;

    /// <summary>The caller's code caught this failure: it reached the caller.</summary>
    public void ReachedCaller() => Interlocked.Increment(ref _caught);

    /// <summary>Credits each injected failure in an UnobservedTaskException event to its batch's tally.</summary>
    internal static void CountUnobserved(AggregateException exception)
    {
        foreach (var failure in exception.Flatten().InnerExceptions.OfType<InjectedFailureException>())
        {
            Interlocked.Increment(ref failure.Tally._unobserved);
        }
    }

    internal void Start() => Interlocked.CompareExchange(ref _firstStart, Stopwatch.GetTimestamp(), 0);

    internal void Finish(bool failed)
    {
        var now = Stopwatch.GetTimestamp();
        for (var last = Interlocked.Read(ref _lastEnd); now > last;)
        {
            var seen = Interlocked.CompareExchange(ref _lastEnd, now, last);
            if (seen == last)
            {
                break;
            }

            last = seen;
        }

        if (failed)
        {
            Interlocked.Increment(ref _failed);
        }

        Interlocked.Increment(ref _finished);
    }

    /// <summary>Waits (polling, outside any timed region) until <paramref name="count"/> operations finished; false at the deadline.</summary>
    public bool WaitFinished(long count, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (Finished < count)
        {
            if (DateTime.UtcNow >= until)
            {
                return false;
            }

            Thread.Sleep(1);
        }

        return true;
    }
}
