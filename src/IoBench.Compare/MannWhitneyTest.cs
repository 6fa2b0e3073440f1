using System.Collections.Concurrent;
using IoBench.Core.Statistics;

namespace IoBench.Compare;

/// <summary>
/// Two-sided Mann-Whitney U test (Wilcoxon rank-sum), the test dotnet/performance's ResultsComparer applies to two
/// runs' iterations. Exact whenever both samples have at most <see cref="ExactLimit"/> values, ties included: under the
/// null hypothesis every choice of which pooled values belong to x is equally likely, and the rank sum (midranks for
/// ties) is counted over those choices given the tie groups, so a tie never makes p too small. Perfolizer 0.6.1's exact
/// CDFs (MannWhitneyClassicExactCdf, MannWhitneyLoefflerExactCdf) count orders without ties, which is why this is
/// written here: for 1, 2, 3, 5 against 5, 6, 7, 8 they give 2/70 = 0.029 where the tie-aware exact p is 4/70 = 0.057
/// (and the normal approximation 0.042). Beyond the limit, the normal approximation with tie and continuity corrections.
/// </summary>
public static class MannWhitneyTest
{
    public const int ExactLimit = 50;

    /// <summary>Counts of U without ties for (n, m), index U: the same for every comparison of those sizes.</summary>
    private static readonly ConcurrentDictionary<(int N, int M), double[]> NullCounts = new();

    /// <summary>The smallest two-sided p the test can give n against m values without ties: 2 / C(n + m, n), at most 1.</summary>
    public static double SmallestP(int n, int m)
    {
        double choices = 1;
        for (var i = 1; i <= Math.Min(n, m); i++)
        {
            choices = choices * (n + m - Math.Min(n, m) + i) / i;
        }

        return Math.Min(1, 2 / choices);
    }

    public static MannWhitneyResult TwoSided(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        int n = x.Count, m = y.Count;
        var groups = TieGroups(x, y);
        var doubledRankSumX = groups.Sum(g => g.FromX * g.DoubledMidrank);
        var u = (doubledRankSumX / 2.0) - (n * (n + 1) / 2.0);
        var tieTerm = groups.Sum(g => ((double)g.Size * g.Size * g.Size) - g.Size);
        if (n <= ExactLimit && m <= ExactLimit)
        {
            var p = tieTerm == 0
                ? TwoTails(NullDistribution(n, m), (int)Math.Round(u))
                : TwoTails(RankSumDistribution(groups, n), doubledRankSumX);
            return new MannWhitneyResult(u, p, Exact: true);
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
    /// How many of the C(n + m, n) equally likely choices of x's ranks give each U, without ties (index U, 0 .. n·m);
    /// the confidence interval of the shift estimator reads its quantiles.
    /// </summary>
    public static IReadOnlyList<double> NullDistribution(int n, int m) => NullCounts.GetOrAdd((n, m), static key =>
    {
        var (n, m) = key;
        var maxU = n * m;
        // ways[k, s]: ways to pick k of the ranks seen so far whose U-contribution sums to s.
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

        return [.. Enumerable.Range(0, maxU + 1).Select(s => ways[n, s])];
    });

    /// <summary>The pooled values in order, grouped by equal value: size, how many from x, and twice the group's midrank.</summary>
    private static List<(int Size, int FromX, int DoubledMidrank)> TieGroups(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var pooled = x.Select(v => (Value: v, FromX: true)).Concat(y.Select(v => (Value: v, FromX: false)))
            .OrderBy(p => p.Value).ToArray();
        var groups = new List<(int, int, int)>();
        for (var start = 0; start < pooled.Length;)
        {
            var end = start;
            while (end + 1 < pooled.Length && pooled[end + 1].Value == pooled[start].Value)
            {
                end++;
            }

            var fromX = 0;
            for (var i = start; i <= end; i++)
            {
                fromX += pooled[i].FromX ? 1 : 0;
            }

            groups.Add((end - start + 1, fromX, start + end + 2)); // ranks start+1 .. end+1: midrank (start+end+2)/2
            start = end + 1;
        }

        return groups;
    }

    /// <summary>
    /// The exact distribution of twice x's rank sum given the tie groups: choosing c of a group's t values for x has
    /// C(t, c) ways and adds c × twice its midrank. Index: twice the rank sum.
    /// </summary>
    private static double[] RankSumDistribution(IReadOnlyList<(int Size, int FromX, int DoubledMidrank)> groups, int n)
    {
        var total = groups.Sum(g => g.Size);
        var maxSum = total * (total + 1); // twice the sum of every rank
        var ways = new double[n + 1, maxSum + 1];
        ways[0, 0] = 1;
        foreach (var (size, _, doubledMidrank) in groups)
        {
            var next = new double[n + 1, maxSum + 1];
            for (var k = 0; k <= n; k++)
            {
                for (var s = 0; s <= maxSum; s++)
                {
                    if (ways[k, s] == 0)
                    {
                        continue;
                    }

                    var choose = 1.0;
                    for (var c = 0; c <= size && k + c <= n; c++)
                    {
                        next[k + c, s + (c * doubledMidrank)] += ways[k, s] * choose;
                        choose = choose * (size - c) / (c + 1);
                    }
                }
            }

            ways = next;
        }

        return [.. Enumerable.Range(0, maxSum + 1).Select(s => ways[n, s])];
    }

    /// <summary>Twice the smaller tail at the observed value, at most 1.</summary>
    private static double TwoTails(IReadOnlyList<double> counts, int observed)
    {
        double total = 0, lower = 0, upper = 0;
        for (var s = 0; s < counts.Count; s++)
        {
            total += counts[s];
            lower += s <= observed ? counts[s] : 0;
            upper += s >= observed ? counts[s] : 0;
        }

        return Math.Min(1.0, 2 * Math.Min(lower, upper) / total);
    }
}
