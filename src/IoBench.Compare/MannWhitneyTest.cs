namespace IoBench.Compare;

/// <summary>
/// Two-sided Mann-Whitney U test (Wilcoxon rank-sum), the test dotnet/performance's ResultsComparer applies to two
/// runs' iterations. Exact when there are no ties and both samples have at most <see cref="ExactLimit"/> values
/// (five iterations a side: 252 equally likely orders, so the smallest two-sided p is 2/252 = 0.0079); otherwise
/// the normal approximation with tie and continuity corrections.
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
        var (rankSumX, tieTerm) = RankSum(x, y);
        var u = rankSumX - (n * (n + 1) / 2.0);
        if (tieTerm == 0 && n <= ExactLimit && m <= ExactLimit)
        {
            return new MannWhitneyResult(u, ExactTwoSided(n, m, (int)Math.Round(u)), Exact: true);
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

    /// <summary>Sum of the first sample's ranks in the pooled sample (midranks for ties) and the tie term Σ(t³ - t).</summary>
    private static (double RankSumX, double TieTerm) RankSum(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var pooled = x.Select(v => (Value: v, FromX: true)).Concat(y.Select(v => (Value: v, FromX: false)))
            .OrderBy(p => p.Value).ToArray();
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
            }

            start = end + 1;
        }

        return (rankSumX, tieTerm);
    }

    /// <summary>
    /// Under the null hypothesis every choice of which n of the n + m ranks belong to x is equally likely; counts the
    /// choices by U (rank sum minus n(n+1)/2) and doubles the smaller tail.
    /// </summary>
    private static double ExactTwoSided(int n, int m, int u)
    {
        var maxU = n * m;
        // ways[k][s]: ways to pick k of the ranks seen so far whose U-contribution sums to s.
        var ways = new double[n + 1, maxU + 1];
        ways[0, 0] = 1;
        for (var rank = 1; rank <= n + m; rank++)
        {
            for (var k = Math.Min(rank, n); k >= 1; k--)
            {
                var shift = rank - k; // picking this rank as the k-th smallest of x adds rank - k to U
                for (var s = maxU; s >= shift; s--)
                {
                    ways[k, s] += ways[k - 1, s - shift];
                }
            }
        }

        double total = 0, lower = 0, upper = 0;
        for (var s = 0; s <= maxU; s++)
        {
            total += ways[n, s];
            lower += s <= u ? ways[n, s] : 0;
            upper += s >= u ? ways[n, s] : 0;
        }

        return Math.Min(1.0, 2 * Math.Min(lower, upper) / total);
    }
}
