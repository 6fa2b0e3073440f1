using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// The classic mistake: handlers scheduled on the event loop that make the blocking call (time.sleep inside
/// async def). Each one holds the only thread, so the loop runs them one after another: N x L.
/// </summary>
internal sealed class EventLoopBlockingStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.EventLoopBlocking;

    public WorkloadForm Form => WorkloadForm.Blocking;

    public bool SequentialByNature => true;

    public int Limit => 1;

    public async Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await EventLoop.RunAsync(() => FailFast.StartAll(count, () => BlockingHandlerAsync(workload, batch))).ConfigureAwait(false);
    }

    private static async Task BlockingHandlerAsync(IWorkload workload, CancellationTokenSource batch)
    {
        // Like asyncio.gather scheduling a coroutine: the handler is queued on the loop, then blocks it when it runs.
        await Task.Yield();
        try
        {
            workload.Run(batch.Token);
        }
        catch
        {
            batch.Cancel();
            throw;
        }
    }
}
