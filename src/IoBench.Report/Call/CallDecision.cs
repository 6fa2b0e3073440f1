using System.Globalization;
using System.Text;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Report.RunCheck;

namespace IoBench.Report.Call;

/// <summary>
/// The decision section of a run of a user's own call (--http-call, --sql-call), computed from the data file alone, per
/// workload configuration (C or P): at each N, which strategies reach max(L) (median batch ≤ <see cref="Reach"/> × the configuration's
/// L, sampled around its batches) and the best of all; from which N the best async strategy leaves max(L) by more than
/// that, and whose saturation it is (the client's limit, when ceil(N/C)×L accounts for the time; else the call's own,
/// with how many calls overlapped); and what ceil(N/K)×L a limit K gives. A configuration with a client limit takes the
/// unlimited configuration's cells where the limit cannot bind (N ≤ C), which it does not run itself.
/// </summary>
public static class CallDecision
{
    /// <summary>The factor over max(L) within which a strategy reaches it, and beyond which it has left it.</summary>
    public const double Reach = 1.5;

    /// <summary>The async strategies without a limit of their own: the candidates for "the best async strategy".</summary>
    public static IReadOnlyList<string> AsyncStrategies { get; } = [.. CallPlan.AsyncStrategies.Select(s => s.ToString())];

    /// <summary>The section, or empty when the run is not a call's.</summary>
    public static string Render(RunData run)
    {
        if (run.Environment.Call is not { } call)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Decision: {call}").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Computed from this run's data file: a strategy reaches max(L) at N when its median batch is at most {Reach} × max(L). L is the call's own, sampled around every batch in the batch's process: the configuration's L is the median of its cases' L medians, so that neither one slow batch nor one slow sample decides on a busy machine (the matrices below give each cell's Mean, range and own L).");
        var limit = int.TryParse(run.Environment.Settings.GetValueOrDefault("IOBENCH_LIMIT"), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0 ? k : 10;
        var families = ReportFamily.Of(run).Where(f => f.Workload is "HttpCall" or "SqlCall").ToList();
        if (families.Count == 0)
        {
            text.AppendLine().AppendLine("No case of the call ran: nothing to decide.").AppendLine();
            return text.ToString();
        }

        text.AppendLine();
        foreach (var family in families)
        {
            Append(text, Analyse(family, families, limit));
        }

        return text.ToString();
    }

    /// <summary>The figures of one configuration, from its cells (and the unlimited configuration's where its limit cannot bind).</summary>
    internal static ConfigurationDecision Analyse(ReportFamily family, IReadOnlyList<ReportFamily> all, int limit)
    {
        var clientLimit = ClientLimit(family);
        var unlimited = clientLimit is null ? null : all.FirstOrDefault(f => f != family && f.Workload == family.Workload && ClientLimit(f) is null
            && f.Parameters.Keys.SequenceEqual(family.Parameters.Keys) && f.Cases.FirstOrDefault()?.SideOrFramework == family.Cases.FirstOrDefault()?.SideOrFramework);
        var rows = new List<NDecision>();
        var latency = Latency(family, unlimited);
        foreach (var n in latency is null ? [] : family.Ops.Union(unlimited?.Ops ?? []).Order().ToList())
        {
            var cells = Measured(family, n, latency!.Value);
            var borrowed = false;
            if (cells.Count == 0 && unlimited is not null && clientLimit!.Value.Size >= n)
            {
                cells = Measured(unlimited, n, latency.Value);
                borrowed = cells.Count > 0;
            }

            if (cells.Count == 0)
            {
                continue;
            }

            var best = cells.MinBy(c => c.Ms)!;
            var bestAsync = cells.Where(c => c.K == 0 && AsyncStrategies.Contains(c.Strategy)).MinBy(c => c.Ms);
            rows.Add(new NDecision(n, best, bestAsync, [.. cells.Where(c => c.Ratio <= Reach).OrderBy(c => c.Ratio)], borrowed));
        }

        // From which N the best async strategy stays beyond Reach × max(L): at that N and at every larger N it was measured.
        var withAsync = rows.Where(r => r.BestAsync is not null).ToList();
        var leaves = withAsync.Select((r, i) => (Row: r, Index: i)).FirstOrDefault(x => withAsync.Skip(x.Index).All(r => r.BestAsync!.Ratio > Reach)).Row;
        return new ConfigurationDecision(family.Title, clientLimit, latency, rows, leaves, limit, withAsync.LastOrDefault()?.N);
    }

    private static void Append(StringBuilder text, ConfigurationDecision d)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"### {d.Title}").AppendLine();
        if (d.Rows.Count == 0 || d.Latency is not { } l)
        {
            text.AppendLine("No cell of this configuration ran with its L sampled: nothing to decide.").AppendLine();
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"L = {MarkdownReport.ShortMilliseconds(l.TotalMilliseconds)} (the median of the cases' own L medians).").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| N | Best strategy: median batch (/max(L)) | Reach max(L) (≤ {Reach} ×) | Best async strategy | ceil(N/K)×L, K = {d.Limit} |");
        text.AppendLine("|---:|---|---|---|---:|");
        foreach (var row in d.Rows)
        {
            var reach = row.Reaching.Count == 0 ? "none" : string.Join(", ", row.Reaching.Select(c => c.Label));
            var note = row.Borrowed ? $" ({d.ClientLimit!.Value.Name} = {d.ClientLimit.Value.Size} cannot bind: the unlimited configuration's cells)" : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.N}{note} | {Figure(row.Best)} | {reach} | {(row.BestAsync is { } a ? Figure(a) : "not run")} | {MarkdownReport.ShortMilliseconds(Bounds.Limited(row.N, d.Limit, l).TotalMilliseconds)} |");
        }

        text.AppendLine();
        foreach (var line in Statements(d))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }

        text.AppendLine();
    }

    /// <summary>The section's findings in words, each from the figures above.</summary>
    internal static IEnumerable<string> Statements(ConfigurationDecision d)
    {
        var l = d.Latency!.Value;
        if (d.Leaves is not { } leaves)
        {
            yield return d.LargestAsyncN is { } largest
                ? string.Create(CultureInfo.InvariantCulture, $"The best async strategy stays within {Reach} × max(L) up to N = {largest}, the largest N it ran: no saturation within this run.")
                : "No async strategy ran (Task, ValueTask, EventLoop, Channel, Bounded): this run cannot say where one leaves max(L).";
        }
        else
        {
            var a = leaves.BestAsync!;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"From N = {leaves.N} the best async strategy leaves max(L) by more than {Reach} ×: {a.Strategy} took {MarkdownReport.ShortMilliseconds(a.Ms)} ({a.Ratio:0.00} × max(L)) at N = {leaves.N}.");
            yield return Cause(d, leaves, l);
        }

        yield return string.Create(CultureInfo.InvariantCulture,
            $"A limit K = {d.Limit} (Bounded, Channel) gives ceil(N/K)×L: {string.Join(", ", d.Rows.Select(r => $"{MarkdownReport.ShortMilliseconds(Bounds.Limited(r.N, d.Limit, l).TotalMilliseconds)} at N = {r.N}"))}.");
    }

    /// <summary>
    /// Whose saturation the departure is: the client's limit when it binds there and its waves, ceil(N/C)×L, account for the
    /// median batch (within <see cref="Reach"/> ×); otherwise the call's own, with the calls that overlapped on average, N×L/median.
    /// </summary>
    private static string Cause(ConfigurationDecision d, NDecision leaves, TimeSpan l)
    {
        var a = leaves.BestAsync!;
        var overlapped = leaves.N * a.L.TotalMilliseconds / a.Ms;
        if (d.ClientLimit is { } client && client.Size < leaves.N)
        {
            var waves = Bounds.Limited(leaves.N, client.Size, a.L).TotalMilliseconds;
            if (a.Ms <= Reach * waves)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"It is the client's saturation: its limit {client.Name} = {client.Size} binds from N = {client.Size + 1}, and ceil(N/{client.Name})×L = {MarkdownReport.ShortMilliseconds(waves)} accounts for the {MarkdownReport.ShortMilliseconds(a.Ms)} measured.");
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"It is beyond the client's limit {client.Name} = {client.Size} (ceil(N/{client.Name})×L = {MarkdownReport.ShortMilliseconds(waves)} against {MarkdownReport.ShortMilliseconds(a.Ms)} measured): the call's own saturation, about {overlapped:0.#} calls overlapping (N×L/median).");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"It is the call's own saturation (no client limit binds at N = {leaves.N}): about {overlapped:0.#} calls overlapped (N×L/median), so the target (or the client's own cost per call) serves about that many at a time; a limit K = {Math.Max(1, (int)Math.Floor(overlapped))} would give ceil(N/K)×L = {MarkdownReport.ShortMilliseconds(Bounds.Limited(leaves.N, Math.Max(1, (int)Math.Floor(overlapped)), l).TotalMilliseconds)} at N = {leaves.N} without more calls in flight.");
    }

    private static List<Cell> Measured(ReportFamily family, int n, TimeSpan latency) =>
        [.. family.Rows.Select(row => family.Steady(row, n)).OfType<CaseData>()
            .Where(c => c.Success && c.MeanMs is > 0)
            .Select(c => new Cell(c.Strategy, c.K, RunCheckRule.Median(c.IterationsMs.Count > 0 ? c.IterationsMs : [c.MeanMs!.Value]), latency))];

    /// <summary>The configuration's L: the median of its cases' own L medians (the unlimited configuration's when it has none).</summary>
    private static TimeSpan? Latency(ReportFamily family, ReportFamily? unlimited)
    {
        var medians = family.Cases.Concat(unlimited?.Cases ?? []).Where(c => c.Regime == "Steady" && c.Success && c.Latency is { MedianMs: > 0 })
            .Select(c => c.Latency!.MedianMs).ToList();
        return medians.Count == 0 ? null : ReportFamily.Milliseconds(RunCheckRule.Median(medians));
    }

    /// <summary>The configuration's client limit: C connections (HTTP) or a pool of P (SQL); null when unlimited.</summary>
    private static ClientLimit? ClientLimit(ReportFamily family) =>
        family.Parameters.TryGetValue("Connections", out var c) && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var connections) && connections > 0
            ? new ClientLimit("C", connections)
            : family.Parameters.TryGetValue("Pool", out var p) && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var pool) && pool > 0
                ? new ClientLimit("P", pool)
                : null;

    private static string Figure(Cell c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Label} {MarkdownReport.ShortMilliseconds(c.Ms)} ({c.Ratio:0.00})");
}

/// <summary>A client-side limit of a configuration: C connections or a pool of P.</summary>
internal readonly record struct ClientLimit(string Name, int Size);

/// <summary>A measured cell as the decision reads it: its median batch against the configuration's L.</summary>
internal sealed record Cell(string Strategy, int K, double Ms, TimeSpan L)
{
    public double Ratio => Ms / L.TotalMilliseconds;

    public string Label => K == 0 ? Strategy : string.Create(CultureInfo.InvariantCulture, $"{Strategy} (K = {K})");
}

/// <summary>One N of a configuration: the best cell, the best async cell, the cells that reach max(L).</summary>
internal sealed record NDecision(int N, Cell Best, Cell? BestAsync, IReadOnlyList<Cell> Reaching, bool Borrowed);

/// <summary>One configuration's decision: its rows, and the N from which the best async strategy has left max(L).</summary>
internal sealed record ConfigurationDecision(string Title, ClientLimit? ClientLimit, TimeSpan? Latency, IReadOnlyList<NDecision> Rows, NDecision? Leaves, int Limit, int? LargestAsyncN);
