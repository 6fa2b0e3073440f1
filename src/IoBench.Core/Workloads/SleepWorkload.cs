namespace IoBench.Core.Workloads;

/// <summary>
/// Pure waiting, the ideal I/O: Thread.Sleep(L) holds a thread for L; Task.Delay(L) holds only a timer.
/// </summary>
public sealed class SleepWorkload(TimeSpan latency) : IWorkload
{
    public string Name => WorkloadNames.Sleep;

    public TimeSpan Latency { get; } = latency;

    public Task SetupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Run(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            Thread.Sleep(Latency);
            return;
        }

        // A timed wait on the token's handle blocks the thread exactly like Thread.Sleep, but a batch deadline can end it.
        if (cancellationToken.WaitHandle.WaitOne(Latency))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public ValueTask RunAsync(CancellationToken cancellationToken) =>
        new(Task.Delay(Latency, cancellationToken));

    public ValueTask DisposeAsync() => default;
}
