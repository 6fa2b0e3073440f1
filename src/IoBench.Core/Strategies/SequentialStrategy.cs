using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>Blocking calls one after another on the caller's thread: N x L by construction.</summary>
internal sealed class SequentialStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.Sequential;

    public WorkloadForm Form => WorkloadForm.Blocking;

    public bool SequentialByNature => true;

    public int Limit => 1;

    public Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                workload.Run(cancellationToken);
            }

            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }
}
