namespace IoBench.Core.Workloads;

/// <summary>
/// A workload whose every <c>failEvery</c>-th operation fails after its full latency, for the fire-and-forget claim
/// (Spring's @Async losing exceptions): the operations of a batch are counted in a <see cref="FailureTally"/>, so what
/// happened can be set beside what the caller saw. Not a published I/O workload of its own: its time is the inner one's.
/// </summary>
public sealed class FailingWorkload(IWorkload inner, int failEvery) : IWorkload
{
    private FailureTally _tally = new();
    private long _started;

    public string Name => WorkloadNames.FailingSleep;

    public TimeSpan Latency => inner.Latency;

    public WorkloadTraits Traits => inner.Traits;

    /// <summary>One operation in this many fails (the 10th, 20th, ... of the process).</summary>
    public int FailEvery { get; } = failEvery > 0 ? failEvery : throw new ArgumentOutOfRangeException(nameof(failEvery));

    /// <summary>Starts counting a new batch: the operations started from now on report to the returned tally.</summary>
    public FailureTally BeginTally()
    {
        var tally = new FailureTally();
        Volatile.Write(ref _tally, tally);
        return tally;
    }

    public Task SetupAsync(CancellationToken cancellationToken) => inner.SetupAsync(cancellationToken);

    public void Run(CancellationToken cancellationToken)
    {
        var (tally, fails) = Start();
        try
        {
            inner.Run(cancellationToken);
        }
        catch
        {
            tally.Finish(failed: false);
            throw;
        }

        End(tally, fails);
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        var (tally, fails) = Start();
        try
        {
            await inner.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            tally.Finish(failed: false);
            throw;
        }

        End(tally, fails);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private (FailureTally Tally, bool Fails) Start()
    {
        var tally = Volatile.Read(ref _tally);
        tally.Start();
        return (tally, Interlocked.Increment(ref _started) % FailEvery == 0);
    }

    private static void End(FailureTally tally, bool fails)
    {
        tally.Finish(fails);
        if (fails)
        {
            throw new InjectedFailureException(tally);
        }
    }
}
