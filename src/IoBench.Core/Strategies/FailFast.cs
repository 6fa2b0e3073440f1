using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>Operations as application code writes them (async Task methods), cancelling their batch when one fails.</summary>
internal static class FailFast
{
    /// <summary>Starts <paramref name="count"/> operations, all before awaiting any, and completes when all are done.</summary>
    public static Task StartAll(int count, Func<Task> operation)
    {
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            tasks[i] = operation();
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>
    /// Awaits one async call. The await keeps the caller's SynchronizationContext on purpose: on an event loop the
    /// continuation must come back to the loop. Without a context (the benchmark's thread) it runs on the pool.
    /// </summary>
    public static async Task RunAsync(IWorkload workload, CancellationTokenSource batch)
    {
        try
        {
            await workload.RunAsync(batch.Token);
        }
        catch
        {
            // The other operations stop early; Task.WhenAll then reports this fault, not their cancellations.
            batch.Cancel();
            throw;
        }
    }
}
