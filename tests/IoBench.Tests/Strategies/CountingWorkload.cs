using System.Collections.Concurrent;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Strategies;

/// <summary>
/// A fake workload that makes concurrency observable: operations in flight and their peak, the threads that ran
/// them, and an optional failure. It waits with Thread.Sleep / Task.Delay like the Sleep workload.
/// </summary>
internal sealed class CountingWorkload(TimeSpan latency) : IWorkload
{
    private int _inFlight;
    private int _maxInFlight;
    private int _started;
    private int _completed;

    public string Name => "Counting";

    public TimeSpan Latency { get; } = latency;

    /// <summary>The operation (1-based) that throws <see cref="Failure"/>; 0 = none.</summary>
    public int FailOn { get; init; }

    public Exception Failure { get; } = new InvalidOperationException("planned failure");

    public int Started => Volatile.Read(ref _started);

    public int Completed => Volatile.Read(ref _completed);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Threads on which operations started or resumed after their wait.</summary>
    public ConcurrentDictionary<int, bool> Threads { get; } = new();

    public Task SetupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Run(CancellationToken cancellationToken)
    {
        var number = Enter();
        try
        {
            ThrowIfPlanned(number);
            if (cancellationToken.WaitHandle.WaitOne(Latency))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Complete();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        var number = Enter();
        try
        {
            ThrowIfPlanned(number);
            await Task.Delay(Latency, cancellationToken);
            Threads.TryAdd(Environment.CurrentManagedThreadId, true);
            Complete();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public ValueTask DisposeAsync() => default;

    private int Enter()
    {
        Threads.TryAdd(Environment.CurrentManagedThreadId, true);
        var number = Interlocked.Increment(ref _started);
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, peak) != peak)
        {
        }

        return number;
    }

    private void ThrowIfPlanned(int number)
    {
        if (number == FailOn)
        {
            throw Failure;
        }
    }

    private void Complete() => Interlocked.Increment(ref _completed);
}
