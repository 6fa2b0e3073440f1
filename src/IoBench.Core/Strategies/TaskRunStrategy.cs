using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>Task.Run over the blocking call, then Task.WhenAll: FastAPI's def handler on a thread pool.</summary>
internal sealed class TaskRunStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.TaskRun;

    public WorkloadForm Form => WorkloadForm.Blocking;

    public bool SequentialByNature => false;

    public int Limit => 0;

    public async Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = batch.Token;
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            tasks[i] = Task.Run(
                () =>
                {
                    try
                    {
                        workload.Run(token);
                    }
                    catch
                    {
                        batch.Cancel();
                        throw;
                    }
                },
                token);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
