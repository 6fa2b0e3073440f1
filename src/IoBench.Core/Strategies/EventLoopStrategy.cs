using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// All async calls started and resumed on one event-loop thread: overlap of waits on a single thread. The calls go
/// straight into Task.WhenAll with the batch's token as it is (no wrapper, no linked token; see <see cref="Operations"/>).
/// The loop thread starts before the first batch (<see cref="BatchRunner.Prepare"/>) or with it, and serves every later one until <see cref="Dispose"/>.
/// </summary>
internal sealed class EventLoopStrategy : IStrategy, IThreadOwner, IDisposable
{
    private readonly OwnedEventLoop _loop = new();

    public StrategyKind Kind => StrategyKind.EventLoop;

    public WorkloadForm Form => WorkloadForm.Async;

    public bool SequentialByNature => false;

    public int Limit => 0;

    public Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken) =>
        _loop.Get().RunAsync(() => Operations.StartAll(workload, count, cancellationToken));

    public void StartThread() => _loop.Get();

    public void Dispose() => _loop.Dispose();
}
