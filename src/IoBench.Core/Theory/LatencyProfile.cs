using System.Globalization;
using IoBench.Core.Strategies;

namespace IoBench.Core.Theory;

/// <summary>
/// L as measured: the per-operation times of one workload form, taken one operation after another in a warmed process.
/// <see cref="L"/>, the median, is the L of the bounds: a sample of a few hundred operations catches the odd
/// scheduling or GC hiccup, which moves a mean by several percent but not the median (measured: HTTP's mean 21.8 ms
/// against a median of 21.2 ms and Sequential batches of 21.0-21.3 ms per operation). The mean, the 10th-90th
/// percentile range and the maximum state the spread; <see cref="ExpectedMaxOf"/> is the overlapped bound with the tail.
/// </summary>
public sealed record LatencyProfile(WorkloadForm Form, IReadOnlyList<double> SamplesMs)
{
    public const string Prefix = "// IoBench.Latency";

    private double[] Sorted { get; } = [.. SamplesMs.Order()];

    public int Count => Sorted.Length;

    /// <summary>The L of the bounds: the median operation.</summary>
    public TimeSpan L => Median;

    public TimeSpan Mean => TimeSpan.FromMilliseconds(Sorted.Average());

    public TimeSpan Median => Quantile(0.5);

    public TimeSpan Min => TimeSpan.FromMilliseconds(Sorted[0]);

    public TimeSpan Max => TimeSpan.FromMilliseconds(Sorted[^1]);

    /// <summary>The q-quantile (0..1) by linear interpolation between order statistics.</summary>
    public TimeSpan Quantile(double q)
    {
        var position = q * (Sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, Sorted.Length - 1);
        return TimeSpan.FromMilliseconds(Sorted[low] + ((position - low) * (Sorted[high] - Sorted[low])));
    }

    /// <summary>
    /// The expected longest of <paramref name="count"/> operations drawn from the measured distribution: all N
    /// overlapping perfectly still end with the slowest one, and the slowest of N grows with N. With M sorted samples
    /// x(1..M), E[max of N] = sum over i of x(i) x ((i/M)^N - ((i-1)/M)^N); it cannot exceed the largest sample.
    /// </summary>
    public TimeSpan ExpectedMaxOf(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        double m = Sorted.Length, expected = 0;
        for (var i = 1; i <= Sorted.Length; i++)
        {
            expected += Sorted[i - 1] * (Math.Pow(i / m, count) - Math.Pow((i - 1) / m, count));
        }

        return TimeSpan.FromMilliseconds(expected);
    }

    /// <summary>One stdout line that the benchmark host reads back (every sample, in ms).</summary>
    public string ToLine() =>
        $"{Prefix} form={Form} samples={string.Join(',', SamplesMs.Select(s => s.ToString("0.####", CultureInfo.InvariantCulture)))}";

    public static LatencyProfile? Parse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);
        if (!fields.TryGetValue("form", out var form) || !Enum.TryParse<WorkloadForm>(form, out var parsedForm) || !fields.TryGetValue("samples", out var samples))
        {
            return null;
        }

        var values = samples.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToList();
        return values.Count > 0 && values.All(double.IsFinite) ? new LatencyProfile(parsedForm, values) : null;
    }

    /// <summary>"20.1 ms (median of 30; mean 20.2 ms, p10-p90 20.0-20.3 ms, max 21.0 ms)".</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Ms(L)} (median of {Count}; mean {Ms(Mean)}, p10–p90 {Ms(Quantile(0.1))}–{Ms(Quantile(0.9))}, max {Ms(Max)})");

    private static string Ms(TimeSpan value) =>
        value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 10 ? "0.0" : value.TotalMilliseconds >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture) + " ms";
}
