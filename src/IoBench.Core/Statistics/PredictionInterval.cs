namespace IoBench.Core.Statistics;

/// <summary>A cell's estimate and where a repeat run's estimate is expected (<see cref="BetweenProcessVariance.Predict"/>).</summary>
/// <param name="Estimate">The geometric mean of the cell's process medians.</param>
/// <param name="Lower">The interval's lower end.</param>
/// <param name="Upper">The interval's upper end.</param>
/// <param name="Level">Its level, e.g. 0.90.</param>
public sealed record PredictionInterval(double Estimate, double Lower, double Upper, double Level)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>(upper − lower) / estimate: the interval's width relative to the cell.</summary>
    public double RelativeWidth => (Upper - Lower) / Estimate;
}
