using System.Diagnostics;

namespace IoBench.Core.Workloads;

/// <summary>Sizes a fixed amount of real work so that one operation takes about L on this machine.</summary>
internal static class WorkCalibration
{
    /// <summary>
    /// The amount for <paramref name="workload"/> at <paramref name="latency"/>, measured once per suite run
    /// (<see cref="CalibrationStore"/>): runs <paramref name="trial"/> units until the JIT has tiered the code up
    /// (<see cref="TieredWarmup"/>: measured on tier-0 code, SqliteQuery's rows per 20 ms came out 15.0 ms' worth in one
    /// run and 19.7 ms' in another), times five more runs, and scales the amount to <paramref name="latency"/> from the
    /// fastest, the least disturbed by other processes.
    /// </summary>
    public static long AmountFor(string workload, TimeSpan latency, long trial, Action<long> run, CancellationToken cancellationToken) =>
        CalibrationStore.GetOrMeasure(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{workload}@{latency.TotalMilliseconds}ms"),
            () => Measure(latency, trial, run, cancellationToken));

    private static long Measure(TimeSpan latency, long trial, Action<long> run, CancellationToken cancellationToken)
    {
        TieredWarmup.Run(() => run(trial), TimeSpan.FromSeconds(2));
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            run(trial);
            var elapsed = Stopwatch.GetElapsedTime(started);
            best = elapsed < best ? elapsed : best;
        }

        return Math.Max(1, (long)(trial * (latency / best)));
    }
}
