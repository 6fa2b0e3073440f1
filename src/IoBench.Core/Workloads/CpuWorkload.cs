namespace IoBench.Core.Workloads;

/// <summary>
/// L of CPU work per operation, in both forms: the control that shows async buys nothing for CPU-bound work and
/// that parallelism is bounded by cores.
/// </summary>
/// <remarks>
/// The work is a fixed number of xorshift steps calibrated once to take L on one idle core. It is a fixed
/// amount of work, not "spin until L has passed": a time-based spin would finish after L of wall time even
/// when 1000 threads share 2 cores, and so would fake perfect overlap.
/// </remarks>
public sealed class CpuWorkload(TimeSpan latency) : IWorkload
{
    private long _iterations;
    private ulong _expected;

    public string Name => WorkloadNames.Cpu;

    public TimeSpan Latency { get; } = latency;

    public WorkloadTraits Traits => WorkloadTraits.CpuBound;

    /// <summary>The calibrated number of steps per operation (0 before setup).</summary>
    public long Iterations => _iterations;

    public Task SetupAsync(CancellationToken cancellationToken)
    {
        if (_iterations == 0)
        {
            _iterations = WorkCalibration.AmountFor(Name, Latency, 1_000_000, static n => Spin(n), cancellationToken);
            _expected = Spin(_iterations);
        }

        return Task.CompletedTask;
    }

    public void Run(CancellationToken cancellationToken)
    {
        if (_iterations == 0)
        {
            throw new InvalidOperationException("CpuWorkload.SetupAsync must run before the first operation.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = Spin(_iterations);
        if (result != _expected)
        {
            throw new WorkloadCheckException($"CPU work returned {result}, expected {_expected}.");
        }
    }

    // The async form is an async method that awaited its input before computing, as a request handler does: the work
    // then runs on whichever thread resumes it — pool threads in parallel up to the cores, or the one event-loop
    // thread. Either way async adds no parallelism of its own: the best is ceil(N/cores) x L.
    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        Run(cancellationToken);
    }

    public ValueTask DisposeAsync() => default;

    private static ulong Spin(long iterations)
    {
        var x = 0x9E3779B97F4A7C15UL;
        for (long i = 0; i < iterations; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        return x;
    }
}
