using IoBench.Core.Statistics;

namespace IoBench.Compare;

/// <summary>
/// Run B against run A: every case both hold compared (<see cref="CaseComparison"/>) and given its verdict by one
/// <see cref="VerdictRule"/> with the false-discovery control over all of them, the cases only one holds listed, and the
/// summaries a report prints (agreement share, verdict counts per family, median ratios per regime).
/// </summary>
public sealed class RunComparison
{
    /// <param name="poolLikeWithLike">
    /// Set for a comparison across runtimes: a steady pool cell is judged only when both sides began measuring in the same
    /// pool state (<see cref="PoolLikeWithLike"/>); it needs both runs' per-process data files.
    /// </param>
    public RunComparison(RunResults a, RunResults b, VerdictRule? rule = null, bool poolLikeWithLike = false)
    {
        A = a;
        B = b;
        Rule = rule ?? new VerdictRule();
        PerProcess = a.PerProcess && b.PerProcess;
        // The family's between-process variance over both runs' cells (each side's processes about their own cell's mean).
        var variances = PerProcess
            ? a.Cases.Values.Concat(b.Cases.Values).GroupBy(c => c.Key.Family, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => BetweenProcessVariance.Of(g.Select(c => c.ProcessMedians)), StringComparer.Ordinal)
            : [];
        Cases = [.. a.Cases.Values
            .Where(c => b.Cases.ContainsKey(c.Key))
            .Select(c => new CaseComparison(c, b.Cases[c.Key], Rule, a.LatencyOf(c.Key), b.LatencyOf(c.Key), variances.GetValueOrDefault(c.Key.Family),
                a.PairedLatencyTypes.Contains(c.Key.Type) && b.PairedLatencyTypes.Contains(c.Key.Type)))
            .OrderByDescending(c => Math.Abs(Math.Log(c.Ratio)))
            .ThenBy(c => c.Key.ToString(), StringComparer.Ordinal)];
        if (poolLikeWithLike && PerProcess)
        {
            var pool = Cases.Select(c => (Case: c, A: a.ProcessData!.Of(c.Key), B: b.ProcessData!.Of(c.Key)))
                .Where(p => p.A is { SteadyPoolCell: true } && p.B is not null)
                .ToList();
            PoolCells = pool.Count;
            foreach (var (c, pa, pb) in pool)
            {
                if (PoolLikeWithLike.WhyNotJudged(pa!, pb!, a.Framework ?? "A", b.Framework ?? "B") is { } reason)
                {
                    c.SetAside(reason);
                }
            }
        }

        Coverage = PerProcess ? CoverageOf(a, Cases) : [];
        LatencyChanges = LatencyChangesOf(Cases);
        OnlyInA = [.. a.Cases.Keys.Where(k => !b.Cases.ContainsKey(k)).OrderBy(k => k.ToString(), StringComparer.Ordinal)];
        OnlyInB = [.. b.Cases.Keys.Where(k => !a.Cases.ContainsKey(k)).OrderBy(k => k.ToString(), StringComparer.Ordinal)];
        if (Cases.Count == 0)
        {
            throw new CompareInputException(
                $"{a.Source} and {b.Source} have no benchmark case in common ({a.Cases.Count} and {b.Cases.Count} measured cases)");
        }

        Rule.Apply(Cases);
    }

    /// <summary>Both runs were made with per-process medians: a case with two processes a side is compared process against process.</summary>
    public bool PerProcess { get; }

    /// <summary>Steady pool cells both sides' data files describe, when pool cells are judged like with like; 0 otherwise.</summary>
    public int PoolCells { get; }

    /// <summary>Of <see cref="PoolCells"/>, those set aside (not judged).</summary>
    public int PoolCellsNotJudged => Cases.Count(c => c.Verdict == Verdict.NotJudged);

    /// <summary>Per family, B's cell estimates inside A's 90% prediction intervals (per-process runs; empty otherwise).</summary>
    public IReadOnlyList<FamilyCoverage> Coverage { get; }

    /// <summary>
    /// Per benchmark type, how B's L compares with A's over the cases both data files give an L for: the change the cases
    /// decided in units of L take out, reported here so that a slower device or query is seen, not hidden.
    /// </summary>
    public IReadOnlyList<LatencyChange> LatencyChanges { get; }

    /// <summary>The cases decided in units of each side's own L.</summary>
    public int DecidedPerLatencyCount => Cases.Count(c => c.DecidedPerLatency);

    /// <summary>The cases compared process against process (the moderated t-test), and those compared iteration against iteration.</summary>
    public (int PerProcess, int PerIteration) Tests => (Cases.Count(c => c.PerProcess), Cases.Count(c => !c.PerProcess));

    public RunResults A { get; }

    public RunResults B { get; }

    public VerdictRule Rule { get; }

    /// <summary>The relative difference the verdicts and the agreement use (0.05 = 5%).</summary>
    public double Threshold => Rule.Threshold;

    /// <summary>The matched cases, largest change first (|log ratio| of the estimate, descending).</summary>
    public IReadOnlyList<CaseComparison> Cases { get; }

    public IReadOnlyList<CaseKey> OnlyInA { get; }

    public IReadOnlyList<CaseKey> OnlyInB { get; }

    public int AgreeCount => Cases.Count(c => c.Agrees);

    /// <summary>Share of matched cases whose ratio lies within ± the threshold, in percent.</summary>
    public double AgreePercent => 100.0 * AgreeCount / Cases.Count;

    /// <summary>The cases both runs' data files give an L for.</summary>
    public int PerLatencyCount => Cases.Count(c => c.AgreesPerLatency is not null);

    public int AgreePerLatencyCount => Cases.Count(c => c.AgreesPerLatency == true);

    public int Count(Verdict verdict) => Cases.Count(c => c.Verdict == verdict);

    /// <summary>Every case's verdicts and agreement.</summary>
    public VerdictCounts Totals => VerdictCounts.Of("all matched cases", [.. Cases]);

    /// <summary>Verdicts and agreement per benchmark type (workload family), by name.</summary>
    public IReadOnlyList<VerdictCounts> VerdictsByType =>
        [.. Cases.GroupBy(c => c.Key.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => VerdictCounts.Of(g.Key, [.. g]))];

    /// <summary>Every judged case's ratio (a cell not judged is warm-up history, not the change under test: it moves no headline).</summary>
    public RatioGroup Overall => RatioGroup.Of("all matched cases", [.. Judged.Select(c => c.Ratio)]);

    private IEnumerable<CaseComparison> Judged => Cases.Any(c => c.Verdict != Verdict.NotJudged) ? Cases.Where(c => c.Verdict != Verdict.NotJudged) : Cases; // none judged: the headline still has its cases

    /// <summary>The headline: one group per regime (job: Steady, Cold, Batch ...).</summary>
    public IReadOnlyList<RatioGroup> ByRegime => GroupBy(c => c.Key.Job.Length == 0 ? "(no job)" : c.Key.Job);

    /// <summary>One group per benchmark type (workload family).</summary>
    public IReadOnlyList<RatioGroup> ByType => GroupBy(c => c.Key.Type);

    /// <summary>One group per value of the "Strategy" parameter; cases without one are left out.</summary>
    public IReadOnlyList<RatioGroup> ByStrategy => GroupBy(c => c.Key.Parameter("Strategy") is { } s ? $"Strategy={s}" : null);

    /// <summary>A's family variance applied to A's cells, B's estimate checked against the interval (<see cref="FamilyCoverage"/>).</summary>
    private static List<FamilyCoverage> CoverageOf(RunResults a, IReadOnlyList<CaseComparison> cases)
    {
        var coverage = new List<FamilyCoverage>();
        foreach (var family in cases.GroupBy(c => c.Key.Family, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var variance = BetweenProcessVariance.Of(a.Cases.Values.Where(c => c.Key.Family == family.Key).Select(c => c.ProcessMedians));
            var intervals = family.Select(c => (c, Interval: variance.Predict(c.A.ProcessMedians, c.B.Processes.Count))).Where(p => p.Interval is not null).ToList();
            if (intervals.Count == 0)
            {
                continue;
            }

            var widths = intervals.Select(p => p.Interval!.RelativeWidth).Order().ToArray();
            var median = widths.Length % 2 == 1 ? widths[widths.Length / 2] : (widths[(widths.Length / 2) - 1] + widths[widths.Length / 2]) / 2;
            // A case decided in units of L lands where A's interval, in A's L, says once B's figure is in A's L too.
            coverage.Add(new FamilyCoverage(family.Key, intervals.Count, intervals.Count(p => p.Interval!.Contains(InUnitsOfA(p.c))), median, variance.StandardDeviation, variance.DegreesOfFreedom));
        }

        return coverage;
    }

    /// <summary>B's cell estimate, rescaled by L(A) / L(B) when the case was decided in units of L.</summary>
    private static double InUnitsOfA(CaseComparison c) =>
        c.DecidedPerLatency ? c.B.CellEstimate / c.LatencyRatio!.Value : c.B.CellEstimate;

    private static List<LatencyChange> LatencyChangesOf(IReadOnlyList<CaseComparison> cases) =>
        [.. cases.Where(c => c.LatencyRatio is not null)
            .GroupBy(c => c.Key.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var ratios = g.Select(c => c.LatencyRatio!.Value).ToList();
                return new LatencyChange(g.Key, g.Any(c => c.DecidedPerLatency), ratios.Count, RatioGroup.Of(g.Key, ratios).Median, ratios.Min(), ratios.Max());
            })];

    private List<RatioGroup> GroupBy(Func<CaseComparison, string?> name) =>
        [.. Judged.Select(c => (Name: name(c), c.Ratio))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => RatioGroup.Of(g.Key, [.. g.Select(p => p.Ratio)]))];
}
