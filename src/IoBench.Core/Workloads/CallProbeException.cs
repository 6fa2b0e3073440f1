namespace IoBench.Core.Workloads;

/// <summary>
/// A user's own call (--http-call, --sql-call) failed its first probe before anything ran: an unreachable target, a
/// refused login, an unexpected status, a statement refused as a write. The message is the one line the host prints
/// (target masked, then the error), and the run exits with code 2 having run nothing.
/// </summary>
public sealed class CallProbeException : Exception
{
    public CallProbeException(string message)
        : base(message)
    {
    }

    public CallProbeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
