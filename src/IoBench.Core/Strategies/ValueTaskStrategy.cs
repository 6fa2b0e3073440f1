using System.Buffers;
using System.Runtime.ExceptionServices;
using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// Every async call started at once like <see cref="TaskStrategy"/>, but each through a pooled ValueTask
/// (<see cref="PooledOperation"/>) and joined without Task.WhenAll: the same overlap with less allocation.
/// </summary>
internal sealed class ValueTaskStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.ValueTask;

    public WorkloadForm Form => WorkloadForm.Async;

    public bool SequentialByNature => false;

    public int Limit => 0;

    public async Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        var pending = ArrayPool<ValueTask>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                pending[i] = PooledOperation.Start(workload, cancellationToken);
            }

            // Awaiting in order costs nothing extra: all calls already run, and each await returns its source to the pool.
            Exception? failure = null;
            for (var i = 0; i < count; i++)
            {
                try
                {
                    await pending[i].ConfigureAwait(false);
                }
                catch (Exception e) when (failure is null || (failure is OperationCanceledException && e is not OperationCanceledException))
                {
                    // The first failure propagates; a cancellation must not hide a real failure.
                    failure = e;
                }
                catch
                {
                    // A later failure or cancellation: the first one is the one that propagates.
                }
            }

            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            Array.Clear(pending, 0, count);
            ArrayPool<ValueTask>.Shared.Return(pending);
        }
    }
}
