namespace IoBench.Core.Workloads;

/// <summary>
/// Wraps a workload to observe a batch without changing it: how many operations started in each form,
/// how many async calls came back already completed (Sync%), and the peak thread census.
/// It adds no await and no allocation to the operation itself.
/// </summary>
public sealed class ProbedWorkload(IWorkload inner) : IWorkload
{
    // Per thread, summed when read (issue 19): three shared Interlocked counters beside one another cost every
    // operation its atomic instructions and, under a pool strategy, their cache line moving between the cores; that
    // was part of each strategy's measured cost. First: blocking calls; Second: async calls; Third: completed
    // synchronously; Peak: the thread census.
    private readonly ThreadCounters _counts = new();

    public IWorkload Inner => inner;

    public string Name => inner.Name;

    public TimeSpan Latency => inner.Latency;

    public WorkloadTraits Traits => inner.Traits;

    /// <summary>Blocking calls since the last <see cref="Reset"/>; read it after the batch (a running batch's count is partial).</summary>
    public long BlockingCalls => _counts.SumFirst;

    public long AsyncCalls => _counts.SumSecond;

    /// <summary>Operations started in either form since the last <see cref="Reset"/>.</summary>
    public long Calls => BlockingCalls + AsyncCalls;

    public long CompletedSynchronously => _counts.SumThird;

    /// <summary>Share of async calls whose task was already complete when it came back, in percent; null without async calls.</summary>
    public double? SyncPercent => AsyncCalls == 0 ? null : 100.0 * CompletedSynchronously / AsyncCalls;

    public int PeakThreads => _counts.MaxPeak;

    public Task SetupAsync(CancellationToken cancellationToken) => inner.SetupAsync(cancellationToken);

    public void Run(CancellationToken cancellationToken)
    {
        var mine = _counts.Mine;
        mine.First++;
        Sample(mine);
        inner.Run(cancellationToken);
    }

    public ValueTask RunAsync(CancellationToken cancellationToken)
    {
        var mine = _counts.Mine;
        mine.Second++;
        Sample(mine);
        var pending = inner.RunAsync(cancellationToken);
        if (pending.IsCompleted)
        {
            // Still this thread's cell: RunAsync returned here, on the thread that started the call.
            mine.Third++;
        }

        return pending;
    }

    /// <summary>Samples the thread census; the batch runner also calls it when a batch ends.</summary>
    public void SampleThreads() => Sample(_counts.Mine);

    private static void Sample(ThreadCounts mine)
    {
        var now = ThreadCensus.Current;
        if (now > mine.Peak)
        {
            mine.Peak = now;
        }
    }

    /// <summary>Forgets the counts of earlier batches (the peak included); between batches only.</summary>
    public void Reset() => _counts.Reset();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
