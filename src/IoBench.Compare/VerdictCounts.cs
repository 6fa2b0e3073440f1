namespace IoBench.Compare;

/// <summary>The verdicts of a group of cases (one workload family, or every case), and how many agree within the threshold.</summary>
public sealed record VerdictCounts(string Name, int Cases, int Faster, int Slower, int Same, int Unknown, int Agree, int NotJudged = 0)
{
    public static VerdictCounts Of(string name, IReadOnlyCollection<CaseComparison> cases) => new(
        name,
        cases.Count,
        cases.Count(c => c.Verdict == Verdict.Faster),
        cases.Count(c => c.Verdict == Verdict.Slower),
        cases.Count(c => c.Verdict == Verdict.Same),
        cases.Count(c => c.Verdict == Verdict.Unknown),
        cases.Count(c => c.Agrees),
        cases.Count(c => c.Verdict == Verdict.NotJudged));

    public double AgreePercent => Cases == 0 ? 0 : 100.0 * Agree / Cases;

    /// <summary>Unknown verdicts as a share of the judged cases (a case not judged has no verdict to be unknown).</summary>
    public double UnknownPercent => Cases - NotJudged == 0 ? 0 : 100.0 * Unknown / (Cases - NotJudged);
}
