using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>Awaiting each async call before starting the next: async code is not concurrent code.</summary>
internal sealed class SequentialAwaitStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.SequentialAwait;

    public WorkloadForm Form => WorkloadForm.Async;

    public bool SequentialByNature => true;

    public int Limit => 1;

    public async Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await workload.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
