namespace IoBench.Compare;

/// <summary>B's times over A's, as one robust estimate with its confidence interval (<see cref="ShiftEstimator"/>).</summary>
/// <param name="Ratio">exp of the Hodges-Lehmann shift of log times: the median of the n·m ratios b/a. Below 1, B is faster.</param>
/// <param name="Lower">The interval's lower end; 0 when the samples are too small to bound it at this confidence.</param>
/// <param name="Upper">The interval's upper end; +∞ when the samples are too small to bound it at this confidence.</param>
/// <param name="Confidence">The interval's confidence, e.g. 0.95.</param>
public sealed record RatioEstimate(double Ratio, double Lower, double Upper, double Confidence)
{
    /// <summary>The interval has finite, positive ends: the sample sizes can bound the ratio at this confidence.</summary>
    public bool Bounded => Lower > 0 && !double.IsPositiveInfinity(Upper);
}
