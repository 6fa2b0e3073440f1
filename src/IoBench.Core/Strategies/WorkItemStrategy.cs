using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// One thread-pool work item per operation. The pool starts with as many threads as cores and adds about one
/// per 500 ms while its threads are blocked, so blocking work items starve it.
/// </summary>
internal abstract class WorkItemStrategy : IStrategy
{
    public abstract StrategyKind Kind { get; }

    public abstract WorkloadForm Form { get; }

    public bool SequentialByNature => false;

    public int Limit => 0;

    public Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        var batch = new BatchCompletion(count, cancellationToken);
        var item = new WorkItem(this, workload, batch);
        for (var i = 0; i < count; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static item => item.Run(), item, preferLocal: false);
        }

        return batch.Task;
    }

    /// <summary>What one work item does with the workload; it blocks the pool thread either way.</summary>
    protected abstract void RunOne(IWorkload workload, CancellationToken cancellationToken);

    private sealed class WorkItem(WorkItemStrategy strategy, IWorkload workload, BatchCompletion batch)
    {
        // One delegate for the whole batch, not one per work item.
        private readonly Action<CancellationToken> _operation = token => strategy.RunOne(workload, token);

        public void Run() => batch.Run(_operation);
    }
}
