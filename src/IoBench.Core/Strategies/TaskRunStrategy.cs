using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// Task.Run over the blocking call, then Task.WhenAll: FastAPI's def handler on a thread pool. The batch's token goes
/// to every call as it is; a failure does not cancel the other calls (the measured path is the call alone).
/// </summary>
internal sealed class TaskRunStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.TaskRun;

    public WorkloadForm Form => WorkloadForm.Blocking;

    public bool SequentialByNature => false;

    public int Limit => 0;

    public Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        // One delegate for the whole batch.
        Action operation = () => workload.Run(cancellationToken);
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            tasks[i] = Task.Run(operation, cancellationToken);
        }

        return Task.WhenAll(tasks);
    }
}
