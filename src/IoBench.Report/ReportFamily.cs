using System.Globalization;
using IoBench.Core.Statistics;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Report;

/// <summary>
/// One workload configuration as the report and its chart read it from the data file: the matrix (N columns, strategy
/// rows), the cases in it, L per form and the cells not run. Schema 2 files state all of it (<see cref="FamilyData"/>);
/// for schema 1 files it is taken from the cases, without what they lack (reasons, warm-ups, L's samples).
/// </summary>
internal sealed class ReportFamily
{
    private readonly IReadOnlyList<CaseData> _cases;
    private readonly IReadOnlyList<NotRunData>? _notRun;
    private readonly LatencyProfile? _asyncProfile;

    private ReportFamily(RunData run, string title, string workload, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<int> ops, IReadOnlyList<RowData> rows, IReadOnlyList<string> traits, IReadOnlyList<CaseData> cases, IReadOnlyList<LatencyData> latencies, IReadOnlyList<NotRunData>? notRun)
    {
        Run = run;
        Title = title;
        Workload = workload;
        Parameters = parameters;
        Ops = ops;
        Rows = rows;
        Traits = traits;
        _cases = cases;
        _notRun = notRun;
        Blocking = latencies.FirstOrDefault(l => l.Form == nameof(WorkloadForm.Blocking));
        Async = latencies.FirstOrDefault(l => l.Form == nameof(WorkloadForm.Async));
        _asyncProfile = Async?.SamplesMs is { Count: > 0 } samples ? new LatencyProfile(WorkloadForm.Async, samples) : null;
        NominalL = NominalOf(run);
    }

    public RunData Run { get; }

    public string Title { get; }

    public string Workload { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public IReadOnlyList<int> Ops { get; }

    public IReadOnlyList<RowData> Rows { get; }

    public IReadOnlyList<string> Traits { get; }

    public IEnumerable<CaseData> Cases => _cases;

    /// <summary>
    /// A family that tests a claim rather than a strategy's time against the bounds (its operations fail on purpose:
    /// the FireAndForget family): its table is in the report, but it has no chart and no at-a-glance row.
    /// </summary>
    public bool ClaimOnly => _cases.Any(c => c.Failures is not null);

    /// <summary>L sampled around every batch (device-decided): the family's L lines are the sequential cases' (smallest N) sample.</summary>
    public bool LatencySampledPerBatch { get; private init; }

    public LatencyData? Blocking { get; }

    public LatencyData? Async { get; }

    /// <summary>The run's nominal L (IOBENCH_LATENCY_MS), used where no Sequential N = 1 case sampled L.</summary>
    public TimeSpan NominalL { get; }

    /// <summary>A user's own call (--http-call, --sql-call): no nominal L, only the L sampled around its batches.</summary>
    public bool IsCall => Workload is "HttpCall" or "SqlCall";

    /// <summary>
    /// L of the blocking form (the sequential bound's L), or the nominal L; for a call, which has no nominal L, the median
    /// of its blocking cases' own L: this configuration's, else the whole run's (a limit C or P does not change one call's
    /// L, and a limited configuration may have run only async strategies).
    /// </summary>
    public TimeSpan BlockingL => Blocking is { } l ? Milliseconds(l.MedianMs) : CallBlockingL ?? NominalL;

    /// <summary>True when <see cref="BlockingL"/> is the run's nominal L, not a measured one.</summary>
    public bool BlockingLIsNominal => Blocking is null && CallBlockingL is null;

    private TimeSpan? CallBlockingL => IsCall ? MedianBlockingL(_cases) ?? MedianBlockingL(Run.Cases.Where(c => c.Workload == Workload)) : null;

    private static TimeSpan? MedianBlockingL(IEnumerable<CaseData> cases) =>
        cases.Where(c => c is { Regime: "Steady", Latency.Form: nameof(WorkloadForm.Blocking) }).Select(c => c.Latency!.MedianMs).Order().ToList() is { Count: > 0 } medians
            ? Milliseconds(medians[medians.Count / 2])
            : null;

    /// <summary>The chart's and the chart file's name: "chart-postgressleep-pool-10.svg".</summary>
    public string ChartFileName => "chart-" + string.Join('-', Title.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries)) + ".svg";

    private static readonly char[] Separators = [' ', '(', ')', '=', ',', '.', '/'];

    public static IReadOnlyList<ReportFamily> Of(RunData run) =>
        run.Families is { } families
            ? [.. families.Select(f => new ReportFamily(run, f.Title, f.Workload, f.Parameters, f.Ops, f.Rows, f.Traits, [.. run.Cases.Where(c => Same(c, f.Workload, f.Parameters) && c.SideOrFramework == f.Framework)], f.Latencies, f.NotRun) { LatencySampledPerBatch = f.LatencySampledPerBatch })]
            : [.. run.Cases.GroupBy(c => FamilyData.TitleOf(c.Workload, c.Parameters)).Select(g => FromCases(run, g.Key, [.. g]))];

    /// <summary>True when the run recorded each process's median (schema 4): its cells carry a prediction interval.</summary>
    public bool HasProcessMedians => _cases.Any(c => c.ProcessMediansMs is { Count: > 0 });

    /// <summary>
    /// A per-family between-process variance measured in the run and applied to each cell: the pooled variance of the log
    /// process medians within this family's cells of one regime (a cold process is one first batch, a steady one the median
    /// of many: their spreads differ). Null when no cell of the regime has two processes.
    /// </summary>
    public BetweenProcessVariance? VarianceOf(string regime) =>
        BetweenProcessVariance.Of(_cases.Where(c => c.Regime == regime && c.Success && c.ProcessMediansMs is not null && c.ProcessMediansMs.All(m => m > 0)).Select(c => c.ProcessMediansMs!))
            is { Measured: true } variance ? variance : null;

    public CaseData? Steady(RowData row, int n) => Find(row, n, "Steady");

    public CaseData? Cold(RowData row, int n) => Find(row, n, "Cold");

    /// <summary>L of the form this case's strategy calls, or the nominal L when it was not sampled.</summary>
    public TimeSpan LatencyOf(CaseData c) => c.Latency is { } l ? Milliseconds(l.MedianMs) : NominalL;

    /// <summary>The expected longest of N async operations: from L's samples (schema 2), else as the case at N recorded it.</summary>
    public TimeSpan? ExpectedMaxOf(int n) =>
        _asyncProfile?.ExpectedMaxOf(Math.Max(1, n))
        ?? (_cases.FirstOrDefault(c => c is { Regime: "Steady", Latency.Form: nameof(WorkloadForm.Async), ExpectedMaxOfNMs: not null } && c.N == n)?.ExpectedMaxOfNMs is { } ms ? Milliseconds(ms) : null);

    /// <summary>The shortest single operation sampled in this form, when the samples are in the file.</summary>
    public TimeSpan? ShortestOf(string form) =>
        (form == nameof(WorkloadForm.Async) ? Async : Blocking)?.SamplesMs is { Count: > 0 } samples ? Milliseconds(samples.Min()) : null;

    /// <summary>Why a planned cell did not run: the plan's reason, "filtered out", or null when the file does not say (schema 1).</summary>
    public string? WhyNotRun(RowData row, int n) =>
        _notRun is null ? null : _notRun.FirstOrDefault(c => c.Strategy == row.Strategy && c.N == n && c.K == row.K)?.Reason ?? NotRunData.FilteredOut;

    /// <summary>The run's nominal L, IOBENCH_LATENCY_MS (20 ms when the file does not say).</summary>
    public static TimeSpan NominalOf(RunData run) =>
        Milliseconds(double.TryParse(run.Environment.Settings.GetValueOrDefault("IOBENCH_LATENCY_MS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var nominal) ? nominal : 20);

    /// <summary>A time in ms as the data file writes it (TimeSpan ticks), back as the TimeSpan it came from.</summary>
    public static TimeSpan Milliseconds(double ms) => TimeSpan.FromTicks((long)Math.Round(ms * TimeSpan.TicksPerMillisecond));

    public static string Label(RowData row) => row.K == 0 ? row.Strategy : string.Create(CultureInfo.InvariantCulture, $"{row.Strategy} (K = {row.K})");

    private CaseData? Find(RowData row, int n, string regime) =>
        _cases.FirstOrDefault(c => c.Regime == regime && c.Strategy == row.Strategy && c.N == n && c.K == row.K);

    private static bool Same(CaseData c, string workload, IReadOnlyDictionary<string, string> parameters) =>
        c.Workload == workload && c.Parameters.Count == parameters.Count && parameters.All(p => c.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>Schema 1: rows in the strategies' declared order, K rows after their strategy; N as the cases have it.</summary>
    private static ReportFamily FromCases(RunData run, string title, List<CaseData> cases)
    {
        var rows = cases.Select(c => new RowData(c.Strategy, c.K)).Distinct()
            .OrderBy(r => Enum.TryParse<StrategyKind>(r.Strategy, out var kind) ? (int)kind : int.MaxValue).ThenBy(r => r.K).ToList();
        var latencies = cases.Where(c => c.Regime == "Steady").Select(c => c.Latency).OfType<LatencyData>().DistinctBy(l => l.Form).ToList();
        return new ReportFamily(run, title, cases[0].Workload, cases[0].Parameters, [.. cases.Select(c => c.N).Distinct().Order()], rows, [], cases, latencies, null);
    }
}
