namespace IoBench.Core.Statistics;

/// <summary>
/// The moderated t-test of Smyth (2004; limma's) on two sides' log process medians: the cell's own pooled within-side
/// variance s_c² (dc = nA + nB − 2 degrees of freedom) is shrunk towards the family's typical variance s_0² (d0 degrees of
/// freedom; <see cref="BetweenProcessVariance.TypicalVariance"/>, the median of its cells' own), but never below its own:
/// s~² = max(s_c², (d0·s_0² + dc·s_c²) / (d0 + dc)), and t = (mean log B − mean log A) / (s~ · √(1/nA + 1/nB)) has d0 + dc degrees of
/// freedom. With 3 processes a side a cell's own variance has 4 degrees of freedom and is itself noisy (a lucky small
/// one calls a change, an unlucky one hides it); the family's variance, measured over many cells, steadies it. The
/// difference, its interval and p come from one estimate, so the verdict's direction, size and significance agree.
/// </summary>
public static class ModeratedTTest
{
    /// <summary>The most the family lends a cell: beyond about 20 prior degrees of freedom the t quantile barely moves, and a cell that truly differs keeps a voice.</summary>
    public const int MaxPriorDegreesOfFreedom = 20;

    /// <param name="logA">A's log process medians (at least 2).</param>
    /// <param name="logB">B's log process medians (at least 2).</param>
    /// <param name="priorVariance">s_f²; ignored when <paramref name="priorDegreesOfFreedom"/> is 0.</param>
    /// <param name="priorDegreesOfFreedom">The family's degrees of freedom; capped at <see cref="MaxPriorDegreesOfFreedom"/>.</param>
    /// <param name="confidence">The interval's confidence, e.g. 0.95.</param>
    public static ModeratedTResult TwoSided(IReadOnlyList<double> logA, IReadOnlyList<double> logB, double priorVariance, double priorDegreesOfFreedom, double confidence)
    {
        if (logA.Count < 2 || logB.Count < 2)
        {
            throw new ArgumentException("The moderated t-test needs at least two processes a side.");
        }

        int nA = logA.Count, nB = logB.Count;
        var (meanA, meanB) = (logA.Average(), logB.Average());
        var squares = logA.Sum(v => (v - meanA) * (v - meanA)) + logB.Sum(v => (v - meanB) * (v - meanB));
        double dc = nA + nB - 2;
        var d0 = double.IsNaN(priorVariance) ? 0 : Math.Min(priorDegreesOfFreedom, MaxPriorDegreesOfFreedom);
        // Never below the cell's own variance: a family's cells are not equally noisy (Sleep Sequential N = 10 spreads
        // 0.5% between processes, ThreadPool N = 1000 30%), and shrinking a noisy cell towards a quieter family would call
        // its noise a change. A quiet cell borrows the family's typical variance and its degrees of freedom.
        var moderated = Math.Max(squares / dc, ((d0 * (d0 > 0 ? priorVariance : 0)) + squares) / (d0 + dc));
        var df = d0 + dc;
        var difference = meanB - meanA;
        var standardError = Math.Sqrt(moderated * ((1.0 / nA) + (1.0 / nB)));
        var p = standardError > 0 ? StudentTDistribution.TwoSidedP(difference / standardError, df) : difference == 0 ? 1 : 0;
        var half = StudentTDistribution.UpperQuantile((1 - confidence) / 2, df) * standardError;
        return new ModeratedTResult(difference, standardError, df, p, difference - half, difference + half, d0);
    }
}
