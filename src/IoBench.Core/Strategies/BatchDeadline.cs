using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// One batch's deadline as the watchdog sees it: when it is due, and what happens then — cancel the token the strategy
/// was given (in process), or an action outside the batch such as ending the process (out of band).
/// </summary>
internal sealed class BatchDeadline
{
    private readonly CancellationTokenSource? _cancel;
    private readonly Action<string>? _onExpired;
    private readonly StrategyKind _strategy;
    private readonly int _count;
    private readonly string _workload;
    private readonly TimeSpan _deadline;
    private volatile bool _expired;

    private BatchDeadline(IStrategy strategy, IWorkload workload, int count, TimeSpan deadline, CancellationTokenSource? cancel, Action<string>? onExpired)
    {
        DueTick = Environment.TickCount64 + (long)Math.Ceiling(deadline.TotalMilliseconds);
        _strategy = strategy.Kind;
        _count = count;
        _workload = workload.Name;
        _deadline = deadline;
        _cancel = cancel;
        _onExpired = onExpired;
    }

    public long DueTick { get; }

    /// <summary>True once the deadline passed while the batch was still running.</summary>
    public bool Expired => _expired;

    /// <summary>The one line that names the case that missed its deadline.</summary>
    public string Message => $"{_strategy} x {_count} of {_workload} did not finish within its {_deadline.TotalSeconds:0.###} s deadline.";

    public static BatchDeadline Cancelling(IStrategy strategy, IWorkload workload, int count, TimeSpan deadline, CancellationTokenSource cancel) =>
        new(strategy, workload, count, deadline, cancel, null);

    public static BatchDeadline OutOfBand(IStrategy strategy, IWorkload workload, int count, TimeSpan deadline, Action<string> onExpired) =>
        new(strategy, workload, count, deadline, null, onExpired);

    /// <summary>Called once, on the watchdog thread; never throws there.</summary>
    public void Expire()
    {
        _expired = true;
        try
        {
            _cancel?.Cancel();
            _onExpired?.Invoke(Message);
        }
        catch (ObjectDisposedException)
        {
            // The batch finished just in time and disposed its source.
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"IoBench deadline watchdog: the deadline action failed: {e}");
        }
    }
}
