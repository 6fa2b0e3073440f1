using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>All async calls started and resumed on one event-loop thread: overlap of waits on a single thread.</summary>
internal sealed class EventLoopStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.EventLoop;

    public WorkloadForm Form => WorkloadForm.Async;

    public bool SequentialByNature => false;

    public int Limit => 0;

    public async Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await EventLoop.RunAsync(() => FailFast.StartAll(count, () => FailFast.RunAsync(workload, batch))).ConfigureAwait(false);
    }
}
