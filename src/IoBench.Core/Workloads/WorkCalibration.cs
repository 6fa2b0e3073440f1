using System.Diagnostics;
using System.Globalization;

namespace IoBench.Core.Workloads;

/// <summary>Sizes a fixed amount of real work so that one operation takes about L on this machine.</summary>
internal static class WorkCalibration
{
    /// <summary>Starts the line each calibration prints to standard output.</summary>
    public const string Prefix = "// IoBench.Calibration";

    /// <summary>How long the full amount is timed, at least: a burst of other work shorter than this cannot set it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1.5);

    /// <summary>The fewest timed runs of the full amount.</summary>
    public const int MinRuns = 8;

    /// <summary>
    /// The amount for <paramref name="workload"/> at <paramref name="latency"/>, measured once per suite run
    /// (<see cref="CalibrationStore"/>): runs <paramref name="trial"/> units until the JIT has tiered the code up
    /// (<see cref="TieredWarmup"/>: measured on tier-0 code, SqliteQuery's rows per 20 ms came out 15.0 ms' worth in one
    /// run and 19.7 ms' in another), estimates the amount from the fastest of three trials, then times that amount
    /// again and again for <see cref="Window"/> and rescales it from the fastest run. One pass of five 6 ms trials was
    /// too short: in the suite's first SqliteQuery process the trials come out slow (v4: estimates of 45,319 and 48,383
    /// rows, then 69,195 and 72,243 from the window), and with the trials alone the v3 run got 43,865 rows (13.5 ms) and
    /// its repeat 67,261; a CPU-bound process beside the trials gives 44,000 here. The full amount
    /// also takes in the operation's fixed costs, which a small trial scales up with the rest. Prints one
    /// <c>// IoBench.Calibration</c> line with the runs' spread: a median far above the fastest says the machine was
    /// busy while it measured.
    /// </summary>
    public static long AmountFor(string workload, TimeSpan latency, long trial, Action<long> run, CancellationToken cancellationToken, Action<long>? prepare = null)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{workload}@{latency.TotalMilliseconds}ms");
        return CalibrationStore.GetOrMeasure(key, () => Measure(key, latency, trial, run, prepare, cancellationToken));
    }

    private static long Measure(string key, TimeSpan latency, long trial, Action<long> run, Action<long>? prepare, CancellationToken cancellationToken)
    {
        TieredWarmup.Run(() => run(trial), TimeSpan.FromSeconds(2));
        var amount = Scale(trial, latency, Time(3, TimeSpan.Zero, () => run(trial), cancellationToken)[0]);
        prepare?.Invoke(amount);
        var times = Time(MinRuns, Window, () => run(amount), cancellationToken);
        var calibrated = Scale(amount, latency, times[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix} {key} amount={calibrated} estimate={amount} runs={times.Count} fastest={times[0].TotalMilliseconds:F2}ms median={times[times.Count / 2].TotalMilliseconds:F2}ms slowest={times[^1].TotalMilliseconds:F2}ms"));
        return calibrated;
    }

    /// <summary>Times <paramref name="operation"/> at least <paramref name="runs"/> times and for at least <paramref name="window"/>.</summary>
    private static List<TimeSpan> Time(int runs, TimeSpan window, Action operation, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>();
        var started = Stopwatch.GetTimestamp();
        // A long L (seconds) stops after three runs once four windows have passed.
        while ((times.Count < runs || Stopwatch.GetElapsedTime(started) < window)
            && !(times.Count >= 3 && Stopwatch.GetElapsedTime(started) >= 4 * window))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var begun = Stopwatch.GetTimestamp();
            operation();
            times.Add(Stopwatch.GetElapsedTime(begun));
        }

        times.Sort();
        return times;
    }

    private static long Scale(long amount, TimeSpan latency, TimeSpan took) =>
        Math.Max(1, (long)(amount * (latency / (took > TimeSpan.Zero ? took : TimeSpan.FromTicks(1)))));
}
