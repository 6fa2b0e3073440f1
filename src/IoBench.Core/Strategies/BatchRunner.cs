using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>Runs one batch with a deadline and checks that the strategy ran exactly N operations.</summary>
public static class BatchRunner
{
    // Time for a strategy that honours cancellation to unwind after its deadline.
    private static readonly TimeSpan UnwindGrace = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(IStrategy strategy, ProbedWorkload workload, int count, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var before = workload.Calls;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        DeadlineWatchdog.CancelAfter(timeout, deadline);
        try
        {
            await strategy.RunAsync(workload, count, timeout.Token).WaitAsync(deadline + UnwindGrace, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is TimeoutException || (e is OperationCanceledException && timeout.IsCancellationRequested)))
        {
            throw new TimeoutException($"{strategy.Kind} x {count} of {workload.Name} did not finish within its {deadline.TotalSeconds:0.#} s deadline.", e);
        }

        workload.SampleThreads();
        var ran = workload.Calls - before;
        if (ran != count)
        {
            throw new InvalidOperationException($"{strategy.Kind} ran {ran} operations of {workload.Name}; the batch asked for {count}.");
        }
    }
}
