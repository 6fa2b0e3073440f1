using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// Start every async call, then Task.WhenAll: asyncio.gather. Each operation is the workload's own task, given the
/// batch's token as it is (CancellationToken.None in the benchmark): no wrapper method, no linked token. The first
/// failure propagates; the other calls are not cancelled, so a failing batch ends when they end.
/// </summary>
internal sealed class TaskStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.Task;

    public WorkloadForm Form => WorkloadForm.Async;

    public bool SequentialByNature => false;

    public int Limit => 0;

    public Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken) =>
        Operations.StartAll(workload, count, cancellationToken);
}
