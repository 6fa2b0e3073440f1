using IoBench.Core.Statistics;

namespace IoBench.Compare;

/// <summary>
/// The Hodges-Lehmann estimator of the shift between two samples of log times, read as a ratio: the median of the n·m
/// pairwise ratios b/a, with the distribution-free confidence interval of Lehmann (Moses): the k-th smallest and k-th
/// largest pairwise ratio, k from the null distribution of the Mann-Whitney U (exact up to
/// <see cref="MannWhitneyTest.ExactLimit"/> values a side, else its normal approximation). It is the estimator that goes
/// with the Mann-Whitney test: without ties the interval excludes 1 exactly when the test rejects at 1 − confidence, so
/// the direction, the size and the significance of a verdict come from one view of the data, and one outlying batch
/// moves none of them far (the mean ratio it can double). Pragmastat 3.2.4's Toolkit.Ratio gives the same point estimate
/// but no interval, and Perfolizer 0.6.1 has none for the shift either, so both are computed here from the pairs.
/// </summary>
public static class ShiftEstimator
{
    public static RatioEstimate Ratio(IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence)
    {
        if (a.Count == 0 || b.Count == 0 || a.Concat(b).Any(v => !(v > 0) || double.IsInfinity(v)))
        {
            throw new ArgumentException("Both samples need at least one finite positive time.");
        }

        int n = a.Count, m = b.Count;
        var logDifferences = new double[n * m];
        var index = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                logDifferences[index++] = Math.Log(y) - Math.Log(x);
            }
        }

        Array.Sort(logDifferences);
        var count = logDifferences.Length;
        var median = count % 2 == 1
            ? logDifferences[count / 2]
            : (logDifferences[(count / 2) - 1] + logDifferences[count / 2]) / 2;
        var k = OrderOfTheBounds(n, m, 1 - confidence);
        return k < 1
            ? new RatioEstimate(Math.Exp(median), 0, double.PositiveInfinity, confidence)
            : new RatioEstimate(Math.Exp(median), Math.Exp(logDifferences[k - 1]), Math.Exp(logDifferences[count - k]), confidence);
    }

    /// <summary>
    /// The largest k with P(U ≤ k − 1) ≤ α/2 under the null hypothesis: the interval from the k-th smallest to the k-th
    /// largest pairwise difference covers the shift with at least 1 − α. 0 when no k qualifies (e.g. 3 against 3 at
    /// α = 0.05: P(U = 0) = 1/20 already exceeds 0.025).
    /// </summary>
    public static int OrderOfTheBounds(int n, int m, double alpha)
    {
        if (n <= MannWhitneyTest.ExactLimit && m <= MannWhitneyTest.ExactLimit)
        {
            var counts = MannWhitneyTest.NullDistribution(n, m);
            var total = counts.Sum();
            double cumulative = 0;
            var k = 0;
            while (k < counts.Count && (cumulative + counts[k]) / total <= alpha / 2)
            {
                cumulative += counts[k];
                k++;
            }

            return k;
        }

        var z = NormalDistribution.UpperQuantile(alpha / 2);
        var bound = (n * m / 2.0) - (z * Math.Sqrt(n * m * (n + m + 1) / 12.0));
        return Math.Max(0, (int)Math.Floor(bound));
    }
}
