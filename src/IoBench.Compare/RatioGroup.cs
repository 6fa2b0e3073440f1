namespace IoBench.Compare;

/// <summary>The geometric mean of the B/A ratios of a group of cases (all of them, one workload family, one strategy).</summary>
/// <param name="Name">What the group is, e.g. "SleepBenchmarks" or "Strategy=Task".</param>
/// <param name="Count">How many matched cases it holds.</param>
/// <param name="GeometricMean">exp(mean(log ratio)): 1.00 is no change; 0.5 and 2 balance out.</param>
public sealed record RatioGroup(string Name, int Count, double GeometricMean)
{
    public static RatioGroup Of(string name, IReadOnlyCollection<double> ratios)
    {
        if (ratios.Count == 0 || ratios.Any(r => !(r > 0) || double.IsInfinity(r)))
        {
            throw new ArgumentException("A geometric mean needs at least one finite positive ratio.", nameof(ratios));
        }

        return new RatioGroup(name, ratios.Count, Math.Exp(ratios.Average(Math.Log)));
    }
}
