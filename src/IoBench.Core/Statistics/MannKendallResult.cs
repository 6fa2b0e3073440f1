namespace IoBench.Core.Statistics;

/// <summary>The outcome of a two-sided Mann-Kendall trend test over a series in time order.</summary>
/// <param name="S">Later values above an earlier one minus later values below it, over every pair: positive is rising.</param>
/// <param name="Variance">The variance of S with no trend, corrected for ties: (n(n-1)(2n+5) - Σ t(t-1)(2t+5)) / 18.</param>
/// <param name="PValue">Two-sided p-value: the chance of an S at least this far from 0 in either direction with no trend.</param>
/// <param name="Exact">True when p comes from the exact distribution of S (no ties), false for the normal approximation.</param>
public sealed record MannKendallResult(int S, double Variance, double PValue, bool Exact)
{
    /// <summary>Rising (1), falling (-1) or neither (0), from the sign of S.</summary>
    public int Direction => Math.Sign(S);
}
