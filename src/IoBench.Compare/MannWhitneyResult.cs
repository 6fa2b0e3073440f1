namespace IoBench.Compare;

/// <summary>The outcome of a two-sided Mann-Whitney U test.</summary>
/// <param name="U">The statistic for the first sample: pairs (a, b) with a &gt; b, ties counting one half.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Exact">True when the p-value comes from the exact distribution of U, false for the normal approximation.</param>
public sealed record MannWhitneyResult(double U, double PValue, bool Exact);
