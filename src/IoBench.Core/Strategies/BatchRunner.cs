using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>Runs one batch with a deadline and checks that the strategy ran exactly N operations.</summary>
public static class BatchRunner
{
    /// <summary>The exit code of a process that <see cref="DeadlineMode.EndProcess"/> ended (that of timeout(1)).</summary>
    public const int DeadlineExitCode = 124;

    // Time for a strategy that honours cancellation to unwind after its deadline.
    private static readonly TimeSpan UnwindGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Starts the threads a batch of <paramref name="strategy"/> would otherwise start inside its time: the deadline
    /// watchdog's and the strategy's own (the event loop's). Call it before the clock starts (a benchmark's setup), so
    /// that a cold process's first timed batch starts neither.
    /// </summary>
    public static void Prepare(IStrategy strategy)
    {
        DeadlineWatchdog.Start();
        (strategy as IThreadOwner)?.StartThread();
    }

    public static Task RunAsync(IStrategy strategy, ProbedWorkload workload, int count, TimeSpan deadline, DeadlineMode mode = DeadlineMode.CancelBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return mode == DeadlineMode.EndProcess
            ? RunOutOfBandAsync(strategy, workload, count, deadline, EndProcess)
            : RunCancellableAsync(strategy, workload, count, deadline, cancellationToken);
    }

    /// <summary>
    /// The out-of-band path with its deadline action injectable (tests watch it fire instead of ending their process).
    /// The strategy gets CancellationToken.None; when the action returns, the batch still ends only when its operations
    /// do, and then fails with a TimeoutException.
    /// </summary>
    internal static async Task RunOutOfBandAsync(IStrategy strategy, ProbedWorkload workload, int count, TimeSpan deadline, Action<string> onDeadline)
    {
        var before = workload.Calls;
        var watched = BatchDeadline.OutOfBand(strategy, workload, count, deadline, onDeadline);
        var slot = DeadlineWatchdog.Watch(watched);
        try
        {
            await strategy.RunAsync(workload, count, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            DeadlineWatchdog.Forget(slot, watched);
        }

        if (watched.Expired)
        {
            throw new TimeoutException(watched.Message);
        }

        Check(strategy, workload, count, before);
    }

    private static async Task RunCancellableAsync(IStrategy strategy, ProbedWorkload workload, int count, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var before = workload.Calls;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watched = BatchDeadline.Cancelling(strategy, workload, count, deadline, timeout);
        var slot = DeadlineWatchdog.Watch(watched);
        try
        {
            await strategy.RunAsync(workload, count, timeout.Token).WaitAsync(deadline + UnwindGrace, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is TimeoutException || (e is OperationCanceledException && timeout.IsCancellationRequested)))
        {
            throw new TimeoutException(watched.Message, e);
        }
        finally
        {
            DeadlineWatchdog.Forget(slot, watched);
        }

        Check(strategy, workload, count, before);
    }

    private static void Check(IStrategy strategy, ProbedWorkload workload, int count, long before)
    {
        workload.SampleThreads();
        var ran = workload.Calls - before;
        if (ran != count)
        {
            throw new InvalidOperationException($"{strategy.Kind} ran {ran} operations of {workload.Name}; the batch asked for {count}.");
        }
    }

    // Runs on the watchdog thread. The line goes to both streams: BenchmarkDotNet shows the child's stdout, a shell its stderr.
    private static void EndProcess(string message)
    {
        var line = $"IoBench deadline: {message} Ending the process (exit code {DeadlineExitCode}).";
        Console.Out.WriteLine(line);
        Console.Out.Flush();
        Console.Error.WriteLine(line);
        Console.Error.Flush();
        Environment.Exit(DeadlineExitCode);
    }
}
