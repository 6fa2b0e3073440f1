using System.Globalization;

namespace IoBench.Core.Theory;

/// <summary>
/// The thread pool's thread count during one batch, as a dedicated thread sampled it every
/// <see cref="SampleIntervalMs"/> (a pool thread could not sample a starving pool): the first sample, every sample
/// where the count changed, and the last one, as (ms since the batch started, threads). From it, the injection rate:
/// how fast the pool added threads while the batch held them blocked. Written as "ms:threads" pairs separated by
/// commas, the same text on the benchmark process's stdout line and in the data file.
/// </summary>
public sealed record PoolTimeline(IReadOnlyList<PoolSample> Samples)
{
    /// <summary>How often the sampler reads ThreadPool.ThreadCount: fine enough for the 25-500 ms steps of injection.</summary>
    public const int SampleIntervalMs = 5;

    public int StartThreads => Samples.Count == 0 ? 0 : Samples[0].Threads;

    public int PeakThreads => Samples.Count == 0 ? 0 : Samples.Max(s => s.Threads);

    /// <summary>Threads the pool added during the batch: peak minus start.</summary>
    public int ThreadsAdded => PeakThreads - StartThreads;

    /// <summary>When the count first reached its peak (ms since the batch started), or null when nothing was added.</summary>
    public double? PeakMs => ThreadsAdded <= 0 ? null : Samples.First(s => s.Threads == PeakThreads).Ms;

    /// <summary>When the count first reached <paramref name="threads"/> (ms since the batch started), or null if it never did.</summary>
    public double? TimeToReach(int threads)
    {
        foreach (var sample in Samples)
        {
            if (sample.Threads >= threads)
            {
                return sample.Ms;
            }
        }

        return null;
    }

    /// <summary>The last sample's time: about the batch's length.</summary>
    public double EndMs => Samples.Count == 0 ? 0 : Samples[^1].Ms;

    /// <summary>
    /// How the pool added threads beyond <paramref name="minimum"/> (its minimum of worker threads) during the batch, or
    /// null when it added none. Threads up to the minimum are created on demand without delay (a fresh process starts with
    /// none), so injection is what comes past it: threads added per second over the rest of the batch, from the first
    /// reading at or above the minimum to the last reading (the blocked work kept asking for threads all that time, so
    /// one thread added early in a 800 ms batch reads 1.2 a second, not "one in 100 ms"), and the median time between
    /// readings that saw the count rise (25-250 ms for cooperative blocking, hundreds of ms for hill climbing).
    /// </summary>
    public PoolInjection? InjectionAbove(int minimum)
    {
        var baseline = Math.Max(StartThreads, minimum);
        if (PeakThreads <= baseline)
        {
            return null;
        }

        var from = Samples.First(s => s.Threads >= baseline);
        var peakMs = PeakMs!.Value;
        var rises = Samples.Where((s, i) => i > 0 && s.Ms > from.Ms && s.Threads > Samples[i - 1].Threads && s.Threads > baseline).Select(s => s.Ms).ToList();
        var gaps = rises.Select((ms, i) => ms - (i == 0 ? from.Ms : rises[i - 1])).ToList();
        return new PoolInjection(PeakThreads - baseline, from.Ms, peakMs, (PeakThreads - baseline) * 1000.0 / Math.Max(SampleIntervalMs, EndMs - from.Ms), Median(gaps));
    }

    private static double? Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? null : values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    /// <summary>Keeps the first sample, each change and the last sample of a raw series.</summary>
    public static PoolTimeline FromSamples(IEnumerable<PoolSample> raw)
    {
        var all = raw.ToList();
        var kept = all.Where((s, i) => i == 0 || i == all.Count - 1 || s.Threads != all[i - 1].Threads).ToList();
        return new PoolTimeline(kept);
    }

    public string Format() => string.Join(',', Samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Ms:0.#}:{s.Threads}")));

    /// <summary>Reads <see cref="Format"/>'s text; null for an empty or malformed one.</summary>
    public static PoolTimeline? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var samples = new List<PoolSample>();
        foreach (var pair in text.Split(','))
        {
            if (pair.Split(':') is not [var ms, var threads] ||
                !double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var at) ||
                !int.TryParse(threads, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                return null;
            }

            samples.Add(new PoolSample(at, count));
        }

        return new PoolTimeline(samples);
    }
}

/// <summary>
/// Threads the pool added beyond its minimum during one batch: how many, from when (the first reading at the minimum),
/// when the count peaked, per second over the rest of the batch, and the median time between additions.
/// </summary>
public sealed record PoolInjection(int ThreadsAdded, double FromMs, double PeakMs, double ThreadsPerSecond, double? MedianIntervalMs);

/// <summary>One reading of the pool: ms since the batch started, and ThreadPool.ThreadCount.</summary>
public readonly record struct PoolSample(double Ms, int Threads);
