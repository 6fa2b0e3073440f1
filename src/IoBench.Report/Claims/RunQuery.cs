namespace IoBench.Report.Claims;

/// <summary>Finds the cells a claim reads in a run's data file: successful cases by workload, strategy, N and a parameter.</summary>
internal sealed class RunQuery(RunData run)
{
    private readonly TimeSpan _nominal = ReportFamily.NominalOf(run);

    // The cells a rule read since the last TakeRead, and those it divided by L: what its verdict rests on.
    private readonly List<CaseData> _read = [], _divided = [];

    public RunData Run { get; } = run;

    public IEnumerable<CaseData> Cases(string workload) => Run.Cases.Where(c => c.Workload == workload);

    public CaseData? Steady(string workload, string strategy, int n, int k = 0, (string Name, string Value)? parameter = null) =>
        Read(Find(workload, strategy, n, k, "Steady", parameter));

    public CaseData? Cold(string workload, string strategy, int n, int k = 0) => Read(Find(workload, strategy, n, k, "Cold", null));

    /// <summary>The steady case of this strategy (K = 0) at the largest N it ran.</summary>
    public CaseData? Largest(string workload, string strategy) =>
        Read(Cases(workload).Where(c => c is { Regime: "Steady", Success: true, K: 0, MeanMs: not null } && c.Strategy == strategy).MaxBy(c => c.N));

    /// <summary>The largest N at which both strategies have a steady figure (optionally each with its own parameter value).</summary>
    public int? LargestCommon(string workload, string first, string second, (string Name, string Value)? firstParameter = null, (string Name, string Value)? secondParameter = null)
    {
        var ns = Cases(workload).Where(c => Matches(c, first, 0, "Steady", firstParameter)).Select(c => c.N)
            .Intersect(Cases(workload).Where(c => Matches(c, second, 0, "Steady", secondParameter)).Select(c => c.N)).ToList();
        return ns.Count == 0 ? null : ns.Max();
    }

    /// <summary>L of the case's form (the nominal L where it was not sampled).</summary>
    public TimeSpan L(CaseData c)
    {
        _divided.Add(c);
        Read(c);
        return c.Latency is { } l ? ReportFamily.Milliseconds(l.MedianMs) : _nominal;
    }

    /// <summary>The cells read since the last call (each once, in order), and those divided by L; then forgets them.</summary>
    public (IReadOnlyList<CaseData> Read, IReadOnlyList<CaseData> Divided) TakeRead()
    {
        var taken = ((IReadOnlyList<CaseData>)[.. _read.Distinct()], (IReadOnlyList<CaseData>)[.. _divided.Distinct()]);
        _read.Clear();
        _divided.Clear();
        return taken;
    }

    /// <summary>Mean/max(L).</summary>
    public double Factor(CaseData c) => c.MeanMs!.Value / L(c).TotalMilliseconds;

    /// <summary>Mean/(N×L).</summary>
    public double OfSequential(CaseData c) => c.MeanMs!.Value / (L(c).TotalMilliseconds * c.N);

    private CaseData? Read(CaseData? c)
    {
        if (c is not null)
        {
            _read.Add(c);
        }

        return c;
    }

    private CaseData? Find(string workload, string strategy, int n, int k, string regime, (string Name, string Value)? parameter) =>
        Cases(workload).FirstOrDefault(c => c.N == n && Matches(c, strategy, k, regime, parameter));

    private static bool Matches(CaseData c, string strategy, int k, string regime, (string Name, string Value)? parameter) =>
        c.Strategy == strategy && c.K == k && c.Regime == regime && c.Success && c.MeanMs is not null
        && (parameter is not { } p || c.Parameters.GetValueOrDefault(p.Name) == p.Value);
}
