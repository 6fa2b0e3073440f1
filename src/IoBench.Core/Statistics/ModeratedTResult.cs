namespace IoBench.Core.Statistics;

/// <summary>The outcome of <see cref="ModeratedTTest"/>: B's mean log minus A's, its interval and its two-sided p.</summary>
/// <param name="Difference">mean(log B) − mean(log A): exp of it is the ratio of the geometric means of the process medians.</param>
/// <param name="StandardError">s~ · √(1/nA + 1/nB).</param>
/// <param name="DegreesOfFreedom">d0 + dc: the prior's and the cell's.</param>
/// <param name="PValue">Two-sided p of t = Difference / StandardError.</param>
/// <param name="Lower">Difference − t_{(1+confidence)/2, df} · StandardError.</param>
/// <param name="Upper">Difference + the same.</param>
/// <param name="PriorDegreesOfFreedom">d0: how many degrees of freedom the family's variance lent the cell.</param>
public sealed record ModeratedTResult(double Difference, double StandardError, double DegreesOfFreedom, double PValue, double Lower, double Upper, double PriorDegreesOfFreedom);
