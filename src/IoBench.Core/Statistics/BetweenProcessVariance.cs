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

    private BetweenProcessVariance(double variance, int degreesOfFreedom, int cells, double typicalVariance)
    {
        Variance = variance;
        DegreesOfFreedom = degreesOfFreedom;
        Cells = cells;
        TypicalVariance = typicalVariance;
    }

    /// <summary>
    /// The median of the cells' own variances of log process medians, scaled by the median of χ²/ν to estimate σ² (see
    /// <see cref="ChiSquareMedianOverDf"/>): a typical cell's, which a few very noisy cells (a starving pool's) do not move. The comparison's test lends it to each cell (<see cref="ModeratedTTest"/>); NaN when
    /// no cell has two processes.
    /// </summary>
    public double TypicalVariance { get; }

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
        var own = new List<double>();
        foreach (var cell in cells.Where(c => c.Count >= 2))
        {
            var logs = cell.Select(Log).ToArray();
            var mean = logs.Average();
            var cellSquares = logs.Sum(l => (l - mean) * (l - mean));
            squares += cellSquares;
            df += logs.Length - 1;
            own.Add(cellSquares / (logs.Length - 1));
            counted++;
        }

        own.Sort();
        var median = own.Count == 0 ? double.NaN : own.Count % 2 == 1 ? own[own.Count / 2] : (own[(own.Count / 2) - 1] + own[own.Count / 2]) / 2;
        // A variance from ν degrees of freedom is σ²·χ²_ν/ν, whose median lies below σ² (ν = 2, three processes: 0.693 σ²):
        // divided by that median, the median of the cells' variances estimates σ² where the cells share it.
        var typical = median / ChiSquareMedianOverDf(counted == 0 ? 1 : (int)Math.Round((double)df / counted));
        return new BetweenProcessVariance(df == 0 ? double.NaN : squares / df, df, counted, typical);
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

    /// <summary>The median of χ²_ν / ν: exact for 1-3 degrees of freedom, Wilson-Hilferty's (1 − 2/(9ν))³ beyond.</summary>
    internal static double ChiSquareMedianOverDf(int df) => df switch
    {
        <= 1 => 0.454936,
        2 => 0.693147,
        3 => 0.788736,
        _ => Math.Pow(1 - (2.0 / (9 * df)), 3),
    };

    private static double Log(double value) =>
        value > 0 && !double.IsInfinity(value) ? Math.Log(value) : throw new ArgumentException($"A process median must be a finite positive time, not {value}.");
}
