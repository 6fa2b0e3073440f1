using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// Sync-over-async: a pool thread blocks on the async call with GetAwaiter().GetResult(). The completion it waits
/// for needs a pool thread too, so under load the pool starves itself.
/// </summary>
internal sealed class SyncOverAsyncStrategy : WorkItemStrategy
{
    public override StrategyKind Kind => StrategyKind.SyncOverAsync;

    public override WorkloadForm Form => WorkloadForm.Async;

    protected override void RunOne(IWorkload workload, CancellationToken cancellationToken) =>
        workload.RunAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
}
