using System.Diagnostics;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks;

/// <summary>
/// Samples ThreadPool.ThreadCount every <see cref="PoolTimeline.SampleIntervalMs"/> from a thread of its own, started
/// just before a batch (iteration setup) and stopped just after it (iteration cleanup). A pool thread or a timer would
/// wait in the very queue a starving batch fills; this thread sleeps between readings, so it takes no pool thread and
/// about 10 µs of CPU per reading.
/// </summary>
internal sealed class PoolTimelineSampler
{
    private readonly List<PoolSample> _samples = new(capacity: 1024);
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Thread _thread;
    private volatile bool _stopping;

    private PoolTimelineSampler()
    {
        Read();
        _thread = new Thread(Run) { IsBackground = true, Name = "IoBench pool timeline" };
        _thread.Start();
    }

    public static PoolTimelineSampler Start() => new();

    /// <summary>Stops the thread, takes a last reading and returns the changes.</summary>
    public PoolTimeline Stop()
    {
        _stopping = true;
        _thread.Join();
        Read();
        return PoolTimeline.FromSamples(_samples);
    }

    private void Run()
    {
        while (!_stopping)
        {
            Thread.Sleep(PoolTimeline.SampleIntervalMs);
            Read();
        }
    }

    // Only changes are kept in the end; a batch of 60 s makes at most 12,000 readings here.
    private void Read() => _samples.Add(new PoolSample(Stopwatch.GetElapsedTime(_started).TotalMilliseconds, ThreadPool.ThreadCount));
}
