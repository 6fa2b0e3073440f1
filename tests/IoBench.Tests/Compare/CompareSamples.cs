using IoBench.Compare;

namespace IoBench.Tests.Compare;

/// <summary>Cases made from plain numbers (milliseconds), and a comparison of many of them with its verdicts.</summary>
internal static class CompareSamples
{
    public static BenchmarkCase Case(IReadOnlyList<double> milliseconds, int index = 0) =>
        new(new CaseKey("SampleBenchmarks", "Batch", $"Strategy=Task&N={index}&K=none", "Steady"), [.. milliseconds.Select(ms => ms * 1e6)], "samples");

    /// <summary>Each pair compared and the comparison's verdicts given (Benjamini-Hochberg over all of them).</summary>
    public static IReadOnlyList<CaseComparison> Judge(IReadOnlyList<(double[] A, double[] B)> pairs, VerdictRule? rule = null)
    {
        rule ??= new VerdictRule();
        var cases = pairs.Select((p, i) => new CaseComparison(Case(p.A, i), Case(p.B, i), rule)).ToList();
        rule.Apply(cases);
        return cases;
    }

    /// <summary>n lognormal times around <paramref name="median"/> with a log standard deviation of <paramref name="sigma"/>.</summary>
    public static double[] LogNormal(Random random, int n, double median, double sigma) =>
        [.. Enumerable.Range(0, n).Select(_ => median * Math.Exp(sigma * Gaussian(random)))];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
