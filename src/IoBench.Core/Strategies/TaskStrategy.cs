using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>Start every async call, then Task.WhenAll: asyncio.gather. Each operation is an async Task method.</summary>
internal sealed class TaskStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.Task;

    public WorkloadForm Form => WorkloadForm.Async;

    public bool SequentialByNature => false;

    public int Limit => 0;

    public async Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await FailFast.StartAll(count, () => FailFast.RunAsync(workload, batch)).ConfigureAwait(false);
    }
}
