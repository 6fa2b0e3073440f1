using System.Collections.Concurrent;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Strategies;

/// <summary>
/// A fake workload that makes concurrency observable: operations in flight and their peak, the threads that ran
/// them, the peak of live dedicated threads, and an optional failure. It waits exactly as the Sleep workload does:
/// Thread.Sleep / Task.Delay without a token registration when given CancellationToken.None (the benchmark's path).
/// </summary>
internal sealed class CountingWorkload(TimeSpan latency) : IWorkload
{
    private int _inFlight;
    private int _maxInFlight;
    private int _started;
    private int _completed;
    private int _peakDedicated;
    private int _poolThreadSteps;

    public string Name => "Counting";

    public TimeSpan Latency { get; } = latency;

    /// <summary>The operation (1-based) that throws <see cref="Failure"/>; 0 = none.</summary>
    public int FailOn { get; init; }

    public Exception Failure { get; } = new InvalidOperationException("planned failure");

    public int Started => Volatile.Read(ref _started);

    public int Completed => Volatile.Read(ref _completed);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The most dedicated threads (<see cref="ThreadCensus.Dedicated"/>) alive when an operation started.</summary>
    public int PeakDedicated => Volatile.Read(ref _peakDedicated);

    /// <summary>How many times an operation started or resumed on a thread-pool thread.</summary>
    public int PoolThreadSteps => Volatile.Read(ref _poolThreadSteps);

    /// <summary>Threads on which operations started or resumed after their wait.</summary>
    public ConcurrentDictionary<int, bool> Threads { get; } = new();

    public Task SetupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Run(CancellationToken cancellationToken)
    {
        var number = Enter();
        try
        {
            ThrowIfPlanned(number);
            if (!cancellationToken.CanBeCanceled)
            {
                Thread.Sleep(Latency);
            }
            else if (cancellationToken.WaitHandle.WaitOne(Latency))
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
            RecordThread();
            Complete();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public ValueTask DisposeAsync() => default;

    private void RecordThread()
    {
        Threads.TryAdd(Environment.CurrentManagedThreadId, true);
        if (Thread.CurrentThread.IsThreadPoolThread)
        {
            Interlocked.Increment(ref _poolThreadSteps);
        }
    }

    private int Enter()
    {
        RecordThread();
        var number = Interlocked.Increment(ref _started);
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, peak) != peak)
        {
        }

        var dedicated = ThreadCensus.Dedicated;
        while (dedicated > (peak = Volatile.Read(ref _peakDedicated)) && Interlocked.CompareExchange(ref _peakDedicated, dedicated, peak) != peak)
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
