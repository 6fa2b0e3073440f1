using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// Every operation starts at once but waits on a SemaphoreSlim of K before its async call (asyncio.Semaphore):
/// at most K in flight, so the time follows ceil(N/K) x L. K = 0 means no limit.
/// </summary>
internal sealed class BoundedStrategy(int limit) : IStrategy
{
    public StrategyKind Kind => StrategyKind.Bounded;

    public WorkloadForm Form => WorkloadForm.Async;

    public bool SequentialByNature => false;

    public int Limit => limit;

    public async Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        var slots = limit == 0 ? Math.Max(count, 1) : limit;
        using var gate = new SemaphoreSlim(slots, slots);
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await FailFast.StartAll(count, () => RunLimitedAsync(gate, workload, batch)).ConfigureAwait(false);
    }

    private static async Task RunLimitedAsync(SemaphoreSlim gate, IWorkload workload, CancellationTokenSource batch)
    {
        await gate.WaitAsync(batch.Token).ConfigureAwait(false);
        try
        {
            await FailFast.RunAsync(workload, batch).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
