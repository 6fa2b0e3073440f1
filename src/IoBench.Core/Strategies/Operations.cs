using System.Runtime.ExceptionServices;
using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>Starting a batch's operations, all before awaiting any.</summary>
internal static class Operations
{
    /// <summary>
    /// Starts <paramref name="count"/> operations and completes when all are done; the first failure (in start order)
    /// propagates with its original exception. No operation cancels its siblings: a failing batch ends when its other
    /// operations end, which keeps each operation exactly the call being measured.
    /// </summary>
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
    /// Starts the workload's async call <paramref name="count"/> times, the task of each call straight into
    /// Task.WhenAll with no wrapper method in between (asyncio.gather). A call that throws instead of returning a
    /// faulted task still waits for the calls already started before its exception propagates.
    /// </summary>
    public static Task StartAll(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        var tasks = new Task[count];
        var started = 0;
        try
        {
            for (; started < count; started++)
            {
                tasks[started] = workload.RunAsync(cancellationToken).AsTask();
            }
        }
        catch (Exception e)
        {
            return FailAfterAsync(tasks.AsSpan(0, started).ToArray(), ExceptionDispatchInfo.Capture(e));
        }

        return Task.WhenAll(tasks);
    }

    private static async Task FailAfterAsync(Task[] started, ExceptionDispatchInfo failure)
    {
        try
        {
            await Task.WhenAll(started).ConfigureAwait(false);
        }
        catch
        {
            // The call that threw is the failure to report; the earlier calls only had to end.
        }

        failure.Throw();
    }
}
