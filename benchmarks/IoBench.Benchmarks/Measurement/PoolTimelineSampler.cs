using System.Diagnostics;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// Samples ThreadPool.ThreadCount every <see cref="PoolTimeline.SampleIntervalMs"/> from a thread of its own, started
/// just before a batch (iteration setup) and stopped just after it (iteration cleanup). A pool thread or a timer would
/// wait in the very queue a starving batch fills; this thread sleeps between readings, so it takes no pool thread and
/// about 10 µs of CPU per reading.
/// </summary>
/// <remarks>
/// Its own allocations are not the batch's (issue 19: its 1,024-entry list, about 17.5 KB a batch, made the lab's
/// ThreadPool N = 10 read 1,846 B/op where the default run reads 100): <see cref="Start"/> allocates everything and
/// returns once its thread runs, so the batch's allocation count can start after it, and what it allocates after that
/// (its thread's readings, the list growing in a long batch, <see cref="Stop"/>'s timeline) is counted on its own
/// (<see cref="AllocatedBytes"/>) for the batch to subtract.
/// </remarks>
internal sealed class PoolTimelineSampler
{
    private readonly List<PoolSample> _samples = new(capacity: 1024);
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Thread _thread;
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;
    private long _threadAllocated;

    private PoolTimelineSampler()
    {
        Read();
        _thread = new Thread(Run) { IsBackground = true, Name = "IoBench pool timeline" };
        _thread.Start();
        _running.Task.Wait();
    }

    /// <summary>Starts the thread and returns once it runs; call it before the batch's allocation count starts.</summary>
    public static PoolTimelineSampler Start() => new();

    /// <summary>Bytes the sampler allocated after <see cref="Start"/> returned, on its thread and in <see cref="Stop"/>.</summary>
    public long AllocatedBytes { get; private set; }

    /// <summary>Stops the thread, takes a last reading and returns the changes.</summary>
    public PoolTimeline Stop()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        _stopping = true;
        _thread.Join();
        Read();
        var timeline = PoolTimeline.FromSamples(_samples);
        AllocatedBytes = Volatile.Read(ref _threadAllocated) + (GC.GetAllocatedBytesForCurrentThread() - before);
        return timeline;
    }

    private void Run()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        _running.SetResult();
        while (!_stopping)
        {
            Thread.Sleep(PoolTimeline.SampleIntervalMs);
            Read();
        }

        Volatile.Write(ref _threadAllocated, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // Only changes are kept in the end; a batch of 60 s makes at most 12,000 readings here.
    private void Read() => _samples.Add(new PoolSample(Stopwatch.GetElapsedTime(_started).TotalMilliseconds, ThreadPool.ThreadCount));
}
