namespace IoBench.Core.Workloads;

/// <summary>
/// The failure a <see cref="FailingWorkload"/> operation ends with, after its full latency. It names the batch it
/// belongs to, so that wherever it surfaces (the caller's catch, TaskScheduler.UnobservedTaskException) it is credited
/// to that batch's tally and not to whichever batch is running when it surfaces.
/// </summary>
public sealed class InjectedFailureException(FailureTally tally) : Exception("injected failure: this operation fails on purpose (fire-and-forget claim)")
{
    public FailureTally Tally => tally;
}
