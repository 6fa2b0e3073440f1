using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>Runs N operations of a workload, at most so many at once, and nothing else.</summary>
public interface IStrategy
{
    StrategyKind Kind { get; }

    /// <summary>Which form of the workload it calls.</summary>
    WorkloadForm Form { get; }

    /// <summary>True when the strategy makes one operation wait for the previous one whatever the workload.</summary>
    bool SequentialByNature { get; }

    /// <summary>The most operations it lets run at once (0 = no limit of its own).</summary>
    int Limit { get; }

    /// <summary>
    /// Completes when all <paramref name="count"/> operations are done; the first failure propagates with its
    /// original exception. The token ends the batch promptly when cancelled.
    /// </summary>
    Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken);
}
