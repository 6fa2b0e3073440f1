using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// Parallel.ForEach over the N operations with the blocking call, default ParallelOptions: the calling thread runs
/// operations itself and the loop adds workers on pool threads as the pool gives it threads. Blocked in the call, those
/// threads tell the pool nothing, and each worker ends and re-queues itself every 100-150 ms (the loop's cooperative
/// time slice), so the pool sees its queue move and hardly adds threads: Sleep N = 100 ran about 3 calls at once, cold
/// and steady alike (663-729 ms for 20 ms calls, 2026-12-06), where ThreadPool's steady batches had grown the pool to 9.
/// </summary>
/// <remarks>
/// The source is an array of N items, as a caller's list of requests is: Parallel.ForEach hands out an array's indices in
/// ranges (Parallel.For's partitioning), each worker taking ever larger chunks. It blocks its caller until every operation
/// ended, so the batch completes synchronously. The batch's token goes to every call as it is and to the loop, which stops
/// starting operations once it is cancelled or one failed; Parallel.ForEach throws the failures in an AggregateException,
/// and the first real one propagates, unwrapped, like every other strategy's.
/// </remarks>
internal sealed class ParallelForEachStrategy : IStrategy
{
    public StrategyKind Kind => StrategyKind.ParallelForEach;

    public WorkloadForm Form => WorkloadForm.Blocking;

    public bool SequentialByNature => false;

    public int Limit => 0;

    public Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.ForEach(new int[count], new ParallelOptions { CancellationToken = cancellationToken }, _ => workload.Run(cancellationToken));
            return Task.CompletedTask;
        }
        catch (AggregateException e)
        {
            // A cancellation must not hide a real failure that came with it.
            var failures = e.Flatten().InnerExceptions;
            return Task.FromException(failures.FirstOrDefault(f => f is not OperationCanceledException) ?? failures[0]);
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }
}
