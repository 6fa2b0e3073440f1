namespace IoBench.Compare;

/// <summary>
/// Run B against run A: every case both hold compared (<see cref="CaseComparison"/>), the cases only one holds
/// listed, and the summaries a report prints (agreement share, verdict counts, geometric means by group).
/// </summary>
public sealed class RunComparison
{
    public const double DefaultThreshold = 0.10;
    public const double DefaultAlpha = 0.05;

    public RunComparison(RunResults a, RunResults b, double threshold = DefaultThreshold, double alpha = DefaultAlpha)
    {
        A = a;
        B = b;
        Threshold = threshold;
        Alpha = alpha;
        Cases = [.. a.Cases.Values
            .Where(c => b.Cases.ContainsKey(c.Key))
            .Select(c => new CaseComparison(c, b.Cases[c.Key], threshold, alpha, a.LatencyOf(c.Key), b.LatencyOf(c.Key)))
            .OrderByDescending(c => Math.Abs(Math.Log(c.MeanRatio)))
            .ThenBy(c => c.Key.ToString(), StringComparer.Ordinal)];
        OnlyInA = [.. a.Cases.Keys.Where(k => !b.Cases.ContainsKey(k)).OrderBy(k => k.ToString(), StringComparer.Ordinal)];
        OnlyInB = [.. b.Cases.Keys.Where(k => !a.Cases.ContainsKey(k)).OrderBy(k => k.ToString(), StringComparer.Ordinal)];
        if (Cases.Count == 0)
        {
            throw new CompareInputException(
                $"{a.Source} and {b.Source} have no benchmark case in common ({a.Cases.Count} and {b.Cases.Count} measured cases)");
        }
    }

    public RunResults A { get; }

    public RunResults B { get; }

    /// <summary>The relative difference below which cases count as the same (0.10 = 10%).</summary>
    public double Threshold { get; }

    /// <summary>The significance level of the Mann-Whitney test.</summary>
    public double Alpha { get; }

    /// <summary>The matched cases, largest change first (|log ratio| descending).</summary>
    public IReadOnlyList<CaseComparison> Cases { get; }

    public IReadOnlyList<CaseKey> OnlyInA { get; }

    public IReadOnlyList<CaseKey> OnlyInB { get; }

    public int AgreeCount => Cases.Count(c => c.Agrees);

    /// <summary>Share of matched cases that agree, in percent.</summary>
    public double AgreePercent => 100.0 * AgreeCount / Cases.Count;

    /// <summary>The cases both runs' data files give an L for.</summary>
    public int PerLatencyCount => Cases.Count(c => c.AgreesPerLatency is not null);

    public int AgreePerLatencyCount => Cases.Count(c => c.AgreesPerLatency == true);

    public int Count(Verdict verdict) => Cases.Count(c => c.Verdict == verdict);

    public RatioGroup Overall => RatioGroup.Of("all matched cases", [.. Cases.Select(c => c.MeanRatio)]);

    /// <summary>One group per benchmark type (workload family).</summary>
    public IReadOnlyList<RatioGroup> ByType => GroupBy(c => c.Key.Type);

    /// <summary>One group per value of the "Strategy" parameter; cases without one are left out.</summary>
    public IReadOnlyList<RatioGroup> ByStrategy => GroupBy(c => c.Key.Parameter("Strategy") is { } s ? $"Strategy={s}" : null);

    /// <summary>
    /// How many cases of each benchmark type (workload family) agree, and how many of the cases outside it: a family whose
    /// figures a device decides (FileWrite's fsync) can hold most of a pair's disagreements, and the others' share says
    /// whether the rest of the suite reproduces.
    /// </summary>
    public IReadOnlyList<AgreementGroup> AgreementByType =>
        [.. Cases.GroupBy(c => c.Key.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgreementGroup(g.Key, g.Count(), g.Count(c => c.Agrees), Cases.Count - g.Count(), AgreeCount - g.Count(c => c.Agrees)))];

    private List<RatioGroup> GroupBy(Func<CaseComparison, string?> name) =>
        [.. Cases.Select(c => (Name: name(c), c.MeanRatio))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => RatioGroup.Of(g.Key, [.. g.Select(p => p.MeanRatio)]))];
}
