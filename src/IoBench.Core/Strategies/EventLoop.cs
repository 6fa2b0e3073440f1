using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// A single-threaded event loop: one dedicated thread runs a queue of callbacks and is the SynchronizationContext
/// of everything it runs, so every await resumes on it. Concurrency without parallelism, as in asyncio or Node.
/// </summary>
internal sealed class EventLoop : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private bool _stopped;

    /// <summary>Runs <paramref name="root"/> on a new loop thread and pumps callbacks until its task completes.</summary>
    public static Task RunAsync(Func<Task> root)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = new EventLoop();
        var thread = new Thread(() =>
        {
            ThreadCensus.DedicatedStarted();
            Task completed;
            try
            {
                SetSynchronizationContext(loop);
                completed = loop.Pump(root);
            }
            catch (Exception e)
            {
                completed = Task.FromException(e);
            }
            finally
            {
                ThreadCensus.DedicatedStopped();
            }

            // Completed only after the loop thread left the census, so a finished batch leaves no thread behind.
            _ = completed.Status switch
            {
                TaskStatus.Faulted => done.TrySetException(completed.Exception!.InnerExceptions),
                TaskStatus.Canceled => done.TrySetCanceled(),
                _ => done.TrySetResult(),
            };
        })
        {
            IsBackground = true,
            Name = "IoBench event loop",
        };
        thread.Start();
        return done.Task;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queue)
        {
            if (!_stopped)
            {
                _queue.Enqueue((d, state));
                Monitor.Pulse(_queue);
                return;
            }
        }

        // A continuation that arrives after the loop ended must still run somewhere.
        ThreadPool.QueueUserWorkItem(_ => d(state));
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The event loop never blocks a caller to run work synchronously.");

    public override SynchronizationContext CreateCopy() => this;

    private Task Pump(Func<Task> root)
    {
        Task task;
        try
        {
            task = root();
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }

        // Wake the loop when the root completes, whichever thread completes it.
        task.ContinueWith(static (_, loop) => ((EventLoop)loop!).Wake(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (_queue)
            {
                while (_queue.Count == 0 && !task.IsCompleted)
                {
                    Monitor.Wait(_queue);
                }

                if (_queue.Count == 0)
                {
                    _stopped = true;
                    break;
                }

                next = _queue.Dequeue();
            }

            next.Callback(next.State);
        }

        return task;
    }

    private void Wake()
    {
        lock (_queue)
        {
            Monitor.Pulse(_queue);
        }
    }
}
