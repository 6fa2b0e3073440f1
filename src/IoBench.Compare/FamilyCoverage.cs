namespace IoBench.Compare;

/// <summary>
/// The A/A check of a family's prediction intervals: of B's cell estimates, how many lie inside A's 90% prediction
/// interval (A's per-family between-process variance applied to each of A's cells), and how wide those intervals are.
/// </summary>
/// <param name="Family">The family (<see cref="CaseKey.Family"/>).</param>
/// <param name="Cells">Matched cells with an interval.</param>
/// <param name="Inside">B's estimate inside A's interval.</param>
/// <param name="MedianRelativeWidth">The median of (upper − lower) / estimate over the cells.</param>
/// <param name="StandardDeviation">A's s_f (log scale).</param>
/// <param name="DegreesOfFreedom">A's df of s_f.</param>
public sealed record FamilyCoverage(string Family, int Cells, int Inside, double MedianRelativeWidth, double StandardDeviation, int DegreesOfFreedom)
{
    /// <summary>The target: 85-95% of a repeat's cells inside, judged for families of at least this many cells.</summary>
    public const int JudgedFrom = 10;

    public double InsidePercent => Cells == 0 ? 0 : 100.0 * Inside / Cells;

    /// <summary>True within 85-95%; null for a family too small to judge.</summary>
    public bool? OnTarget => Cells < JudgedFrom ? null : InsidePercent is >= 85 and <= 95;
}
