using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>A thread-pool work item per operation making the blocking call (ThreadPool.QueueUserWorkItem).</summary>
internal sealed class ThreadPoolStrategy : WorkItemStrategy
{
    public override StrategyKind Kind => StrategyKind.ThreadPool;

    public override WorkloadForm Form => WorkloadForm.Blocking;

    protected override void RunOne(IWorkload workload, CancellationToken cancellationToken) =>
        workload.Run(cancellationToken);
}
