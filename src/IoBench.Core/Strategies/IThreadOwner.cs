namespace IoBench.Core.Strategies;

/// <summary>
/// A strategy that runs its batches on a long-lived thread of its own (the event loop's), started on first use so that
/// creating a strategy starts no thread; <see cref="BatchRunner.Prepare"/> starts it before the first timed batch.
/// </summary>
internal interface IThreadOwner
{
    /// <summary>Starts the thread now if it is not running.</summary>
    void StartThread();
}
