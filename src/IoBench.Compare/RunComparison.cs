namespace IoBench.Compare;

/// <summary>
/// Run B against run A: every case both hold compared (<see cref="CaseComparison"/>) and given its verdict by one
/// <see cref="VerdictRule"/> with the false-discovery control over all of them, the cases only one holds listed, and the
/// summaries a report prints (agreement share, verdict counts per family, median ratios per regime).
/// </summary>
public sealed class RunComparison
{
    public RunComparison(RunResults a, RunResults b, VerdictRule? rule = null)
    {
        A = a;
        B = b;
        Rule = rule ?? new VerdictRule();
        Cases = [.. a.Cases.Values
            .Where(c => b.Cases.ContainsKey(c.Key))
            .Select(c => new CaseComparison(c, b.Cases[c.Key], Rule, a.LatencyOf(c.Key), b.LatencyOf(c.Key)))
            .OrderByDescending(c => Math.Abs(Math.Log(c.Ratio)))
            .ThenBy(c => c.Key.ToString(), StringComparer.Ordinal)];
        OnlyInA = [.. a.Cases.Keys.Where(k => !b.Cases.ContainsKey(k)).OrderBy(k => k.ToString(), StringComparer.Ordinal)];
        OnlyInB = [.. b.Cases.Keys.Where(k => !a.Cases.ContainsKey(k)).OrderBy(k => k.ToString(), StringComparer.Ordinal)];
        if (Cases.Count == 0)
        {
            throw new CompareInputException(
                $"{a.Source} and {b.Source} have no benchmark case in common ({a.Cases.Count} and {b.Cases.Count} measured cases)");
        }

        Rule.Apply(Cases);
    }

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

    public RatioGroup Overall => RatioGroup.Of("all matched cases", [.. Cases.Select(c => c.Ratio)]);

    /// <summary>The headline: one group per regime (job: Steady, Cold, Batch ...).</summary>
    public IReadOnlyList<RatioGroup> ByRegime => GroupBy(c => c.Key.Job.Length == 0 ? "(no job)" : c.Key.Job);

    /// <summary>One group per benchmark type (workload family).</summary>
    public IReadOnlyList<RatioGroup> ByType => GroupBy(c => c.Key.Type);

    /// <summary>One group per value of the "Strategy" parameter; cases without one are left out.</summary>
    public IReadOnlyList<RatioGroup> ByStrategy => GroupBy(c => c.Key.Parameter("Strategy") is { } s ? $"Strategy={s}" : null);

    private List<RatioGroup> GroupBy(Func<CaseComparison, string?> name) =>
        [.. Cases.Select(c => (Name: name(c), c.Ratio))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => RatioGroup.Of(g.Key, [.. g.Select(p => p.Ratio)]))];
}
