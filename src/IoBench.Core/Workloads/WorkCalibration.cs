using System.Diagnostics;

namespace IoBench.Core.Workloads;

/// <summary>Sizes a fixed amount of real work so that one operation takes about L on this machine.</summary>
internal static class WorkCalibration
{
    /// <summary>
    /// Runs <paramref name="trial"/> units once to warm up (JIT, caches), times five more runs, and scales the amount to
    /// <paramref name="latency"/> from the fastest: the least disturbed by other processes on a shared machine.
    /// </summary>
    public static long AmountFor(TimeSpan latency, long trial, Action<long> run, CancellationToken cancellationToken)
    {
        run(trial);
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
