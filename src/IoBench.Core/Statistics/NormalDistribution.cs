namespace IoBench.Core.Statistics;

/// <summary>
/// The standard normal tail and its inverse, for the large-sample forms of the rank tests (the Mann-Whitney test of the
/// comparison, the Mann-Kendall trend test of a cell's batches). .NET has no erfc.
/// </summary>
public static class NormalDistribution
{
    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    public static double UpperTail(double z) => Erfc(z / Math.Sqrt(2)) / 2;

    /// <summary>The z with P(Z &gt; z) = p, 0 &lt; p &lt; 1, by bisection on <see cref="UpperTail"/> (to 1e-10, ample for a rank count).</summary>
    public static double UpperQuantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A tail probability lies strictly between 0 and 1.");
        }

        double low = -40, high = 40;
        while (high - low > 1e-10)
        {
            var middle = (low + high) / 2;
            (low, high) = UpperTail(middle) > p ? (middle, high) : (low, middle);
        }

        return (low + high) / 2;
    }

    /// <summary>Complementary error function, Chebyshev fit (Numerical Recipes erfcc): relative error below 1.2e-7.</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418
            + (t * (-0.18628806 + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587
            + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var result = t * Math.Exp(poly);
        return x >= 0 ? result : 2 - result;
    }
}
