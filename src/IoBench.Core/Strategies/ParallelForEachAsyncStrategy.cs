using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// Parallel.ForEachAsync over the N operations, each making the async call. With default ParallelOptions its degree of
/// parallelism is Environment.ProcessorCount: at most that many calls are in flight, so calls that wait rather than
/// compute take ceil(N/cores) x L instead of max(L) (the default suits computation, not I/O). Unbounded sets
/// MaxDegreeOfParallelism = N: every call in flight at once, like Task.
/// </summary>
/// <remarks>
/// The loop's workers are thread-pool work items, each queuing the next once it has taken an item, and a worker takes its
/// next item when its call completes: a call that completes synchronously (SQLite's) holds its pool thread meanwhile, so
/// such calls overlap as far as the pool has threads. Each call gets the batch's token as it is (CancellationToken.None in
/// the benchmark), not the loop's own token, so the measured path is the call alone; a failure still stops the loop from
/// starting more items, as Parallel.ForEachAsync does, the calls in flight end, and the first failure propagates.
/// </remarks>
internal sealed class ParallelForEachAsyncStrategy(bool unbounded) : IStrategy
{
    public StrategyKind Kind => unbounded ? StrategyKind.ParallelForEachAsyncUnbounded : StrategyKind.ParallelForEachAsync;

    public WorkloadForm Form => WorkloadForm.Async;

    public bool SequentialByNature => false;

    /// <summary>The default degree of parallelism Parallel.ForEachAsync uses (the processor count); none of its own when unbounded.</summary>
    public int Limit => unbounded ? 0 : Environment.ProcessorCount;

    public Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        // Default options but for the token (and the degree when unbounded): the degree left at -1 is the processor count.
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        if (unbounded)
        {
            options.MaxDegreeOfParallelism = Math.Max(count, 1);
        }

        return Parallel.ForEachAsync(Enumerable.Range(0, count), options, (_, _) => workload.RunAsync(cancellationToken));
    }
}
