namespace IoBench.Compare;

/// <summary>
/// The Benjamini-Hochberg step-up procedure over the cases of one comparison: a case is a discovery when its adjusted p
/// (q) is below the stated false-discovery rate, which keeps the expected share of false discoveries among the
/// discoveries at most that rate for independent tests (and under positive dependence). With ~145 cases at α = 0.05 and
/// no control, seven changes would be called in two runs of identical code.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>q_(i) = min over j ≥ i of p_(j) · m / j, at most 1, returned in the order of <paramref name="pValues"/>.</summary>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, pValues[i] * m / rank);
            adjusted[i] = running;
        }

        return adjusted;
    }
}
