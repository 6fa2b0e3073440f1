namespace IoBench.Core.Strategies;

/// <summary>
/// Joins operations that run on threads rather than tasks: completes when all are done, with the first failure's
/// original exception if any failed. The batch's token goes to each operation as it is and a failure cancels no
/// other operation, so a failing batch ends when its other operations end (the measured path is the call alone).
/// </summary>
internal sealed class BatchCompletion
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _cancellationToken;
    private Exception? _failure;
    private int _remaining;

    public BatchCompletion(int count, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _remaining = count;
        if (count == 0)
        {
            _done.TrySetResult();
        }
    }

    public Task Task => _done.Task;

    /// <summary>Runs one operation with the batch's token and records how it ended.</summary>
    public void Run(Action<CancellationToken> operation)
    {
        try
        {
            operation(_cancellationToken);
        }
        catch (Exception e)
        {
            // A cancellation must not hide a real failure that came after it.
            if (Interlocked.CompareExchange(ref _failure, e, null) is OperationCanceledException seen && e is not OperationCanceledException)
            {
                Interlocked.CompareExchange(ref _failure, e, seen);
            }
        }

        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _ = Volatile.Read(ref _failure) is { } failure ? _done.TrySetException(failure) : _done.TrySetResult();
        }
    }
}
