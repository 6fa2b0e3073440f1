using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;
using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// A reusable IValueTaskSource that awaits one async call: after warm-up an operation costs no allocation of its
/// own, where an async Task method allocates a state-machine box per pending call. (PoolingAsyncValueTaskMethodBuilder
/// keeps only about one box per thread and core, too few when a thousand calls are in flight at once.)
/// </summary>
internal sealed class PooledOperation : IValueTaskSource
{
    private static readonly Stack<PooledOperation> s_pool = new();

    private readonly Action _continuation;
    private ManualResetValueTaskSourceCore<bool> _core;
    private ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter _awaiter;

    private PooledOperation() => _continuation = Complete;

    /// <summary>Starts the call; a call that completed at once costs nothing at all (the synchronous fast path).</summary>
    /// <remarks>The token goes to the call as it is, and a failure cancels no other call: the call is all that is measured.</remarks>
    public static ValueTask Start(IWorkload workload, CancellationToken cancellationToken)
    {
        ValueTask pending;
        try
        {
            pending = workload.RunAsync(cancellationToken);
        }
        catch (Exception e)
        {
            return ValueTask.FromException(e);
        }

        if (pending.IsCompletedSuccessfully)
        {
            return default;
        }

        var operation = Rent();
        operation._awaiter = pending.ConfigureAwait(false).GetAwaiter();
        if (operation._awaiter.IsCompleted)
        {
            operation.Complete();
        }
        else
        {
            operation._awaiter.UnsafeOnCompleted(operation._continuation);
        }

        return new ValueTask(operation, operation._core.Version);
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    public void GetResult(short token)
    {
        try
        {
            _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            lock (s_pool)
            {
                s_pool.Push(this);
            }
        }
    }

    private static PooledOperation Rent()
    {
        lock (s_pool)
        {
            if (s_pool.TryPop(out var operation))
            {
                return operation;
            }
        }

        return new PooledOperation();
    }

    private void Complete()
    {
        var awaiter = _awaiter;
        _awaiter = default;
        try
        {
            awaiter.GetResult();
            _core.SetResult(true);
        }
        catch (Exception e)
        {
            _core.SetException(e);
        }
    }
}
