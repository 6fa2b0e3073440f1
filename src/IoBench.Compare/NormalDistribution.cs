namespace IoBench.Compare;

/// <summary>The standard normal tail the Mann-Whitney approximation needs (.NET has no erfc).</summary>
public static class NormalDistribution
{
    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    public static double UpperTail(double z) => Erfc(z / Math.Sqrt(2)) / 2;

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
