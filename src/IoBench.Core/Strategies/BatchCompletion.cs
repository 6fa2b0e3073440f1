namespace IoBench.Core.Strategies;

/// <summary>
/// Joins operations that run on threads rather than tasks: completes when all are done, or at the first
/// failure with its original exception, cancelling the rest.
/// </summary>
internal sealed class BatchCompletion
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _cancel;
    private int _remaining;
    private int _unfinished;

    public BatchCompletion(int count, CancellationToken cancellationToken)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _remaining = count;
        _unfinished = count;
        if (count == 0)
        {
            _done.TrySetResult();
            _cancel.Dispose();
        }
    }

    public Task Task => _done.Task;

    /// <summary>Runs one operation with the batch's token and records how it ended.</summary>
    public void Run(Action<CancellationToken> operation)
    {
        try
        {
            operation(_cancel.Token);
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }
        catch (Exception e)
        {
            if (_done.TrySetException(e))
            {
                _cancel.Cancel();
            }
        }
        finally
        {
            // The token source lives until the last operation stopped using it, even after an early failure.
            if (Interlocked.Decrement(ref _unfinished) == 0)
            {
                _cancel.Dispose();
            }
        }
    }
}
