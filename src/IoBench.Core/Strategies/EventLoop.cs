using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// A single-threaded event loop: one long-lived dedicated thread runs a queue of callbacks and is the
/// SynchronizationContext of everything it runs, so every await resumes on it. Concurrency without parallelism, as in
/// asyncio or Node. One loop serves every batch of its strategy (a loop started per batch would put a thread start
/// into each measured batch); <see cref="Dispose"/> ends its thread.
/// </summary>
internal sealed class EventLoop : SynchronizationContext, IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Thread _thread;
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopped;

    public EventLoop()
    {
        _thread = new Thread(Pump) { IsBackground = true, Name = "IoBench event loop" };
        _thread.Start();
        // Returns once the thread runs: a loop started before a batch's clock (BatchRunner.Prepare) leaves no part of its
        // start to the batch.
        _running.Task.Wait();
    }

    /// <summary>Runs <paramref name="root"/> on the loop thread; the task completes (off the loop) when root's task does.</summary>
    public Task RunAsync(Func<Task> root)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!TryEnqueue(static state => Start(((Func<Task> Root, TaskCompletionSource Done))state!), (root, done)))
        {
            throw new ObjectDisposedException(nameof(EventLoop));
        }

        return done.Task;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (!TryEnqueue(d, state))
        {
            // A continuation that arrives after the loop ended must still run somewhere.
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The event loop never blocks a caller to run work synchronously.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Stops the loop and waits (a few seconds at most) for its thread to end.</summary>
    public void Dispose()
    {
        lock (_queue)
        {
            _stopped = true;
            Monitor.Pulse(_queue);
        }

        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(StopGrace);
        }
    }

    private static void Start((Func<Task> Root, TaskCompletionSource Done) batch)
    {
        Task task;
        try
        {
            task = batch.Root();
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }

        task.ContinueWith(
            static (completed, done) => _ = completed.Status switch
            {
                TaskStatus.Faulted => ((TaskCompletionSource)done!).TrySetException(completed.Exception!.InnerExceptions),
                TaskStatus.Canceled => ((TaskCompletionSource)done!).TrySetCanceled(),
                _ => ((TaskCompletionSource)done!).TrySetResult(),
            },
            batch.Done,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private bool TryEnqueue(SendOrPostCallback d, object? state)
    {
        lock (_queue)
        {
            if (_stopped)
            {
                return false;
            }

            _queue.Enqueue((d, state));
            Monitor.Pulse(_queue);
            return true;
        }
    }

    private void Pump()
    {
        // Counted as a dedicated thread for as long as it lives, batches or not.
        ThreadCensus.DedicatedStarted();
        _running.SetResult();
        try
        {
            SetSynchronizationContext(this);
            while (true)
            {
                (SendOrPostCallback Callback, object? State) next;
                lock (_queue)
                {
                    while (_queue.Count == 0 && !_stopped)
                    {
                        Monitor.Wait(_queue);
                    }

                    if (_stopped)
                    {
                        break;
                    }

                    next = _queue.Dequeue();
                }

                next.Callback(next.State);
            }

            // Work queued before the stop still runs, on the pool.
            lock (_queue)
            {
                while (_queue.TryDequeue(out var left))
                {
                    ThreadPool.QueueUserWorkItem(_ => left.Callback(left.State));
                }
            }
        }
        finally
        {
            ThreadCensus.DedicatedStopped();
        }
    }
}
