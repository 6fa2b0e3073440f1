namespace IoBench.Core.Statistics;

/// <summary>
/// A per-family between-process variance measured in the run and applied to each cell: the pooled variance of the log
/// process medians within the family's cells (the sum of squared deviations from each cell's mean log over the sum of
/// (n_i − 1)), with its degrees of freedom. Each cell has 2 or 3 processes, too few for a variance of its own; the cells of
/// one family (same workload, same other parameters, one regime) share the machine's and the workload's noise, so their
/// pooled variance is what a repeat of any of them meets. The cell's estimate is the geometric mean of its process medians
/// (a process's median, not its mean, so one slow batch moves nothing).
/// </summary>
public sealed class BetweenProcessVariance
{
    /// <summary>The level of the interval a cell carries: where 90% of repeat runs' estimates are expected.</summary>
    public const double DefaultLevel = 0.90;

    private BetweenProcessVariance(double variance, int degreesOfFreedom, int cells)
    {
        Variance = variance;
        DegreesOfFreedom = degreesOfFreedom;
        Cells = cells;
    }

    /// <summary>s_f²: the pooled variance of log process medians within cells (natural log).</summary>
    public double Variance { get; }

    /// <summary>s_f: on the log scale, about the relative spread of one process's median (0.02 = 2%).</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Σ (n_i − 1) over the cells with at least two processes; 0 when none has two.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>How many cells contributed (at least two processes each).</summary>
    public int Cells { get; }

    /// <summary>True when the variance was measured (some cell had two processes).</summary>
    public bool Measured => DegreesOfFreedom > 0;

    /// <summary>Pools the cells' process medians (each cell's list: its processes' medians, any positive unit).</summary>
    public static BetweenProcessVariance Of(IEnumerable<IReadOnlyList<double>> cells)
    {
        double squares = 0;
        int df = 0, counted = 0;
        foreach (var cell in cells.Where(c => c.Count >= 2))
        {
            var logs = cell.Select(Log).ToArray();
            var mean = logs.Average();
            squares += logs.Sum(l => (l - mean) * (l - mean));
            df += logs.Length - 1;
            counted++;
        }

        return new BetweenProcessVariance(df == 0 ? double.NaN : squares / df, df, counted);
    }

    /// <summary>The cell's estimate: the geometric mean of its process medians.</summary>
    public static double Estimate(IReadOnlyList<double> processMedians) =>
        processMedians.Count == 0 ? throw new ArgumentException("A cell needs at least one process.", nameof(processMedians)) : Math.Exp(processMedians.Average(Log));

    /// <summary>
    /// Where a repeat run's estimate of the cell (the geometric mean of <paramref name="repeatProcesses"/> process medians) is
    /// expected at <paramref name="level"/>: estimate × exp(± t_{(1+level)/2, df} · s_f · √(1/k + 1/k_repeat)), k this run's
    /// processes. Null when the family's variance was not measured.
    /// </summary>
    public PredictionInterval? Predict(IReadOnlyList<double> processMedians, int repeatProcesses, double level = DefaultLevel)
    {
        if (!Measured || processMedians.Count == 0 || repeatProcesses < 1)
        {
            return null;
        }

        var estimate = Estimate(processMedians);
        var t = StudentTDistribution.UpperQuantile((1 - level) / 2, DegreesOfFreedom);
        var half = t * StandardDeviation * Math.Sqrt((1.0 / processMedians.Count) + (1.0 / repeatProcesses));
        return new PredictionInterval(estimate, estimate * Math.Exp(-half), estimate * Math.Exp(half), level);
    }

    private static double Log(double value) =>
        value > 0 && !double.IsInfinity(value) ? Math.Log(value) : throw new ArgumentException($"A process median must be a finite positive time, not {value}.");
}
