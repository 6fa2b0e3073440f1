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
        await Operations.StartAll(count, () => RunLimitedAsync(gate, workload, cancellationToken)).ConfigureAwait(false);
    }

    // The wrapper is the strategy itself (wait for a slot, call, give the slot back). The token is passed as it is and
    // a failure does not cancel the siblings: the measured path is the semaphore and the call, nothing more.
    private static async Task RunLimitedAsync(SemaphoreSlim gate, IWorkload workload, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await workload.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
