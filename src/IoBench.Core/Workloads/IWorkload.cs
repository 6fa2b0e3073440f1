namespace IoBench.Core.Workloads;

/// <summary>
/// One I/O operation in two forms: a blocking call and an asynchronous call of the same work.
/// Both forms check their own result and throw <see cref="WorkloadCheckException"/> when it is wrong,
/// so a failing operation can never look fast.
/// </summary>
public interface IWorkload : IAsyncDisposable
{
    /// <summary>The permanent name used in benchmark IDs and reports (e.g. "Sleep").</summary>
    string Name { get; }

    /// <summary>The nominal latency L of one operation.</summary>
    TimeSpan Latency { get; }

    /// <summary>What the operation does that decides which laws apply (computes, completes synchronously, ...).</summary>
    WorkloadTraits Traits => WorkloadTraits.None;

    /// <summary>Creates files, connections or servers once, before any batch.</summary>
    Task SetupAsync(CancellationToken cancellationToken);

    /// <summary>The blocking form: returns when the operation is done, holding the calling thread meanwhile.</summary>
    void Run(CancellationToken cancellationToken);

    /// <summary>The asynchronous form: returns at once (or as soon as the API lets it) with the pending operation.</summary>
    ValueTask RunAsync(CancellationToken cancellationToken);
}
