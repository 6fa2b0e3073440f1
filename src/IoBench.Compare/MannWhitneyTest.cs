namespace IoBench.Compare;

/// <summary>
/// Two-sided Mann-Whitney U test (Wilcoxon rank-sum), the test dotnet/performance's ResultsComparer applies to two
/// runs' iterations. Exact when both samples have at most <see cref="ExactLimit"/> values (five iterations a side: 252
/// equally likely orders, so the smallest two-sided p is 2/252 = 0.0079), ties included: the permutation distribution
/// of the midrank sum, since the normal approximation is far off on so few values with ties (5 against 5 with ties:
/// 0.20 where the exact p is 0.37); otherwise the normal approximation with tie and continuity corrections.
/// </summary>
public static class MannWhitneyTest
{
    public const int ExactLimit = 50;

    public static MannWhitneyResult TwoSided(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        int n = x.Count, m = y.Count;
        var (rankSumX, tieTerm, midranks) = RankSum(x, y);
        var u = rankSumX - (n * (n + 1) / 2.0);
        if (n <= ExactLimit && m <= ExactLimit)
        {
            return new MannWhitneyResult(u, ExactTwoSided(n, midranks, rankSumX), Exact: true);
        }

        var total = n + m;
        var variance = n * m / 12.0 * (total + 1 - (tieTerm / (total * (total - 1.0))));
        if (variance <= 0)
        {
            return new MannWhitneyResult(u, 1.0, Exact: false); // every value equal: no evidence of a shift
        }

        var z = Math.Max(0, Math.Abs(u - (n * m / 2.0)) - 0.5) / Math.Sqrt(variance);
        return new MannWhitneyResult(u, Math.Min(1.0, NormalDistribution.UpperTail(z) * 2), Exact: false);
    }

    /// <summary>
    /// Sum of the first sample's ranks in the pooled sample (midranks for ties), the tie term Σ(t³ - t), and every pooled
    /// value's midrank.
    /// </summary>
    private static (double RankSumX, double TieTerm, double[] Midranks) RankSum(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var pooled = x.Select(v => (Value: v, FromX: true)).Concat(y.Select(v => (Value: v, FromX: false)))
            .OrderBy(p => p.Value).ToArray();
        var midranks = new double[pooled.Length];
        double rankSumX = 0, tieTerm = 0;
        for (var start = 0; start < pooled.Length;)
        {
            var end = start;
            while (end + 1 < pooled.Length && pooled[end + 1].Value == pooled[start].Value)
            {
                end++;
            }

            var midrank = ((start + end) / 2.0) + 1;
            var ties = end - start + 1;
            tieTerm += ((double)ties * ties * ties) - ties;
            for (var i = start; i <= end; i++)
            {
                rankSumX += pooled[i].FromX ? midrank : 0;
                midranks[i] = midrank;
            }

            start = end + 1;
        }

        return (rankSumX, tieTerm, midranks);
    }

    /// <summary>
    /// Under the null hypothesis every choice of which n of the pooled values belong to x is equally likely; counts the
    /// choices by the sum of their midranks (twice the midrank is a whole number, ties or not) and doubles the smaller
    /// tail at the observed sum.
    /// </summary>
    private static double ExactTwoSided(int n, double[] midranks, double rankSumX)
    {
        var scores = midranks.Select(r => (int)Math.Round(2 * r)).ToArray();
        var maxSum = scores.OrderDescending().Take(n).Sum();
        var observed = (int)Math.Round(2 * rankSumX);
        // ways[k, s]: ways to pick k of the values seen so far whose doubled midranks sum to s.
        var ways = new double[n + 1, maxSum + 1];
        ways[0, 0] = 1;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var k = Math.Min(i + 1, n); k >= 1; k--)
            {
                for (var s = maxSum; s >= scores[i]; s--)
                {
                    ways[k, s] += ways[k - 1, s - scores[i]];
                }
            }
        }

        double total = 0, lower = 0, upper = 0;
        for (var s = 0; s <= maxSum; s++)
        {
            total += ways[n, s];
            lower += s <= observed ? ways[n, s] : 0;
            upper += s >= observed ? ways[n, s] : 0;
        }

        return Math.Min(1.0, 2 * Math.Min(lower, upper) / total);
    }
}
