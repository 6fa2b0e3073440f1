using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// The classic mistake: handlers scheduled on the event loop that make the blocking call (time.sleep inside
/// async def). Each one holds the only thread, so the loop runs them one after another: N x L.
/// </summary>
internal sealed class EventLoopBlockingStrategy : IStrategy, IThreadOwner, IDisposable
{
    private readonly OwnedEventLoop _loop = new();

    public StrategyKind Kind => StrategyKind.EventLoopBlocking;

    public WorkloadForm Form => WorkloadForm.Blocking;

    public bool SequentialByNature => true;

    public int Limit => 1;

    public Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken) =>
        _loop.Get().RunAsync(() => Operations.StartAll(count, () => BlockingHandlerAsync(workload, cancellationToken)));

    public void StartThread() => _loop.Get();

    public void Dispose() => _loop.Dispose();

    private static async Task BlockingHandlerAsync(IWorkload workload, CancellationToken cancellationToken)
    {
        // Like asyncio.gather scheduling a coroutine: the handler is queued on the loop, then blocks it when it runs.
        // The batch's token goes to the call as it is; a failure cancels no other handler.
        await Task.Yield();
        workload.Run(cancellationToken);
    }
}
