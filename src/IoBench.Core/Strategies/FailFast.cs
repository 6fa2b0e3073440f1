using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>One operation as application code writes it (an async Task method), cancelling its batch when it fails.</summary>
internal static class FailFast
{
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
