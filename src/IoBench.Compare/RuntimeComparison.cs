namespace IoBench.Compare;

/// <summary>
/// The runtimes of one comparison run (--runtimes net8.0 net9.0 net10.0) against its baseline runtime: each other
/// framework's cases compared with the baseline's, case by case (<see cref="RunComparison"/>: ratio with its interval,
/// Mann-Whitney test, false discoveries controlled over that runtime's cases), each regime on its own.
/// </summary>
public sealed class RuntimeComparison
{
    public RuntimeComparison(RunResults run, string? baseline = null, VerdictRule? rule = null)
    {
        var frameworks = run.Frameworks;
        if (frameworks.Count < 2)
        {
            throw new CompareInputException(frameworks.Count == 0
                ? $"{run.Source} is a run of one runtime: compare it with another run (compare-runs A B), or make a comparison run (scripts/compare-runtimes.sh)"
                : $"{run.Source} holds jobs on {frameworks[0]} alone: compare it with another run (compare-runs A B)");
        }

        baseline ??= frameworks[0];
        if (!frameworks.Contains(baseline, StringComparer.Ordinal))
        {
            throw new CompareInputException($"--baseline {baseline}: {run.Source} has no jobs on it (it has {string.Join(", ", frameworks)})");
        }

        Run = run;
        Rule = rule ?? new VerdictRule();
        Baseline = run.ForFramework(baseline);
        Others = [.. frameworks.Where(f => f != baseline).Select(f => new RunComparison(Baseline, run.ForFramework(f), Rule, poolLikeWithLike: true))];
        Controls = [.. run.Controls.Where(c => c.StartsWith(baseline + "-", StringComparison.Ordinal))
            .Select(c => new RunComparison(Baseline, run.ForFramework(c), Rule, poolLikeWithLike: true))];
    }

    /// <summary>
    /// The controls against the baseline: net8.0-control (the baseline runtime again as its own interleaved jobs: a
    /// negative control, which should be called faster or slower in at most 1% of its cases) and net8.0-slowed (the
    /// baseline with L × 1.1 on the timed families: a positive control, which should be called slower in at least 80%).
    /// Not runtimes: no headline, no sentence. Empty in runs made without them.
    /// </summary>
    public IReadOnlyList<RunComparison> Controls { get; }

    /// <summary>The negative control's comparison, if the run has one.</summary>
    public RunComparison? NegativeControl => Controls.FirstOrDefault(c => c.B.Framework!.EndsWith(RunResults.NegativeControlSuffix, StringComparison.Ordinal));

    /// <summary>The positive control's comparison, if the run has one.</summary>
    public RunComparison? PositiveControl => Controls.FirstOrDefault(c => c.B.Framework!.EndsWith(RunResults.PositiveControlSuffix, StringComparison.Ordinal));

    public RunResults Run { get; }

    public VerdictRule Rule { get; }

    /// <summary>The baseline runtime's cases (the oldest framework unless --baseline names another).</summary>
    public RunResults Baseline { get; }

    /// <summary>Each other runtime against the baseline, oldest first: A is the baseline, B the runtime.</summary>
    public IReadOnlyList<RunComparison> Others { get; }

    /// <summary>Every case key measured on the baseline or on any other runtime, in a stable order (family, regime, parameters).</summary>
    public IReadOnlyList<CaseKey> Keys =>
        [.. Baseline.Cases.Keys.Concat(Others.SelectMany(o => o.B.Cases.Keys)).Distinct()
            .OrderBy(k => k.Type, StringComparer.Ordinal)
            .ThenBy(k => k.Job, StringComparer.Ordinal)
            .ThenBy(k => k.Parameter("Strategy"), StringComparer.Ordinal)
            .ThenBy(k => int.TryParse(k.Parameter("N"), out var n) ? n : 0)
            .ThenBy(k => k.Parameters, StringComparer.Ordinal)];

    /// <summary>The changes of every runtime (verdict faster or slower), largest |log ratio| of the estimate first.</summary>
    public IReadOnlyList<(RunComparison Runtime, CaseComparison Case)> SignificantChanges =>
        [.. Others.SelectMany(o => o.Cases.Where(c => c.Verdict is Verdict.Faster or Verdict.Slower).Select(c => (o, c)))
            .OrderByDescending(p => Math.Abs(Math.Log(p.c.Ratio)))
            .ThenBy(p => p.c.Key.ToString(), StringComparer.Ordinal)];
}
