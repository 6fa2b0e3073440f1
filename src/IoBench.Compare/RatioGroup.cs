namespace IoBench.Compare;

/// <summary>The B/A ratios of a group of cases (all of them, one regime, one workload family, one strategy), summarised.</summary>
/// <param name="Name">What the group is, e.g. "SleepBenchmarks", "Steady" or "Strategy=Task".</param>
/// <param name="Count">How many matched cases it holds.</param>
/// <param name="Median">The median of the cases' ratios: the headline, which one extreme case cannot move far.</param>
/// <param name="GeometricMean">exp(mean(log ratio)), shown beside the median: 1.00 is no change; one case of 0.0025 moves it.</param>
public sealed record RatioGroup(string Name, int Count, double Median, double GeometricMean)
{
    public static RatioGroup Of(string name, IReadOnlyCollection<double> ratios)
    {
        if (ratios.Count == 0 || ratios.Any(r => !(r > 0) || double.IsInfinity(r)))
        {
            throw new ArgumentException("A group needs at least one finite positive ratio.", nameof(ratios));
        }

        var sorted = ratios.Order().ToArray();
        var median = sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : Math.Sqrt(sorted[(sorted.Length / 2) - 1] * sorted[sorted.Length / 2]); // the middle of two ratios on the log scale
        return new RatioGroup(name, ratios.Count, median, Math.Exp(ratios.Average(Math.Log)));
    }
}
