namespace IoBench.Core.Workloads;

/// <summary>
/// Wraps a workload to observe a batch without changing it: how many operations started in each form,
/// how many async calls came back already completed (Sync%), and the peak thread census.
/// It adds no await and no allocation to the operation itself.
/// </summary>
public sealed class ProbedWorkload(IWorkload inner) : IWorkload
{
    private long _blockingCalls;
    private long _asyncCalls;
    private long _completedSynchronously;
    private int _peakThreads;

    public IWorkload Inner => inner;

    public string Name => inner.Name;

    public TimeSpan Latency => inner.Latency;

    public WorkloadTraits Traits => inner.Traits;

    public long BlockingCalls => Interlocked.Read(ref _blockingCalls);

    public long AsyncCalls => Interlocked.Read(ref _asyncCalls);

    /// <summary>Operations started in either form since the last <see cref="Reset"/>.</summary>
    public long Calls => BlockingCalls + AsyncCalls;

    public long CompletedSynchronously => Interlocked.Read(ref _completedSynchronously);

    /// <summary>Share of async calls whose task was already complete when it came back, in percent; null without async calls.</summary>
    public double? SyncPercent => AsyncCalls == 0 ? null : 100.0 * CompletedSynchronously / AsyncCalls;

    public int PeakThreads => Volatile.Read(ref _peakThreads);

    public Task SetupAsync(CancellationToken cancellationToken) => inner.SetupAsync(cancellationToken);

    public void Run(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _blockingCalls);
        SampleThreads();
        inner.Run(cancellationToken);
    }

    public ValueTask RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _asyncCalls);
        SampleThreads();
        var pending = inner.RunAsync(cancellationToken);
        if (pending.IsCompleted)
        {
            Interlocked.Increment(ref _completedSynchronously);
        }

        return pending;
    }

    /// <summary>Samples the thread census; the batch runner also calls it when a batch ends.</summary>
    public void SampleThreads()
    {
        var now = ThreadCensus.Current;
        var peak = Volatile.Read(ref _peakThreads);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakThreads, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    /// <summary>Forgets the counts of earlier batches (the peak included).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _blockingCalls, 0);
        Interlocked.Exchange(ref _asyncCalls, 0);
        Interlocked.Exchange(ref _completedSynchronously, 0);
        Volatile.Write(ref _peakThreads, 0);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
