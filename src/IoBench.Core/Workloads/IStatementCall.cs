namespace IoBench.Core.Workloads;

/// <summary>
/// One target's way of making a user's statement call (--sql-call): its connections, its read-only protection, its
/// cancellation. <see cref="SqlCallWorkload"/> owns the probe, the count of rows and the messages.
/// </summary>
internal interface IStatementCall : IAsyncDisposable
{
    /// <summary>Opens the connections a batch will use (the first failure to reach or log in to the target surfaces here).</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>The blocking form: runs the statement and reads every row and every column value; returns the rows read.</summary>
    long Call(CancellationToken cancellationToken);

    /// <summary>The asynchronous form of <see cref="Call"/>.</summary>
    ValueTask<long> CallAsync(CancellationToken cancellationToken);
}
