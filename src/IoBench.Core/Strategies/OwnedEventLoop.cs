namespace IoBench.Core.Strategies;

/// <summary>
/// A strategy's one event loop, started on first use (creating a strategy, as Strategy.MaxInFlight does, starts no
/// thread) and ended by Dispose; a disposed strategy runs no more batches.
/// </summary>
internal sealed class OwnedEventLoop : IDisposable
{
    private readonly object _gate = new();
    private EventLoop? _loop;
    private bool _disposed;

    public EventLoop Get()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _loop ??= new EventLoop();
        }
    }

    public void Dispose()
    {
        EventLoop? loop;
        lock (_gate)
        {
            _disposed = true;
            loop = _loop;
            _loop = null;
        }

        loop?.Dispose();
    }
}
