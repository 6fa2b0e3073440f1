using System.Globalization;
using System.Text;

namespace IoBench.Report.Claims;

/// <summary>
/// at-a-glance.md, rendered from the data file like the report: per workload configuration the best strategy's
/// Mean/max(L), Sequential's Mean/(N×L) and the worst anti-pattern, with a link to its chart; then the ten claims with
/// their computed verdicts, and the findings beyond them (<see cref="FindingRules"/>). The same text goes into results/README.md (<c>scripts/report.sh --readme</c>).
/// </summary>
public static class AtAGlance
{
    public const string FileName = "at-a-glance.md";

    /// <summary>
    /// The patterns people get wrong: blocking on the pool (Parallel.ForEach's blocking calls too), blocking the loop,
    /// blocking on async calls, and Parallel.ForEachAsync's default degree for calls that wait.
    /// </summary>
    private static readonly string[] AntiPatterns = ["ThreadPool", "TaskRun", "SyncOverAsync", "EventLoopBlocking", "ParallelForEachAsync", "ParallelForEach"];

    /// <param name="links">Prefix of the links to the run's files (its folder, relative to the file this text goes in).</param>
    public static string Render(RunData run, string links = "")
    {
        var environment = run.Environment;
        var text = new StringBuilder();
        text.AppendLine("### At a glance").AppendLine();
        if (RunSupport.IsQuick(run))
        {
            text.AppendLine(RunSupport.Banner(run)).AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{environment.Cpu}, {environment.Cores} cores, {environment.Os}; {(environment.Runtimes.Count == 0 ? "runtime not reported" : string.Join(", ", environment.Runtimes))}; BenchmarkDotNet {environment.BenchmarkDotNet}{(environment.RunTimeS is { } seconds ? $"; run time {(int)Math.Round(seconds) / 60} min {(int)Math.Round(seconds) % 60} s" : string.Empty)}. Steady figures at the largest N each row ran unless marked cold; [full report]({links}{MarkdownReport.FileName}).").AppendLine();
        text.AppendLine("| Workload | Best strategy: Mean/max(L) | Sequential: Mean/(N×L) | Worst anti-pattern: Mean/max(L) | Chart |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var family in ReportFamily.Of(run).Where(f => !f.ClaimOnly))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {family.Title} | {Best(family)} | {Sequential(family)} | {Worst(family)} | [chart]({links}{family.ChartFileName}) |");
        }

        text.AppendLine().AppendLine("### The ten claims").AppendLine();
        text.AppendLine("Each verdict is computed from the run's data file by the rule in its row (src/IoBench.Report/Claims/ClaimRules.cs), never typed by hand.").AppendLine();
        if (BaselineSide(run) is { } baseline)
        {
            // A comparison run holds every cell once per runtime (and control): a claim read over all of them would take
            // whichever runtime's cell came first.
            run = run with { Cases = [.. run.Cases.Where(c => c.SideOrFramework == baseline.Side)] };
            text.AppendLine(CultureInfo.InvariantCulture, $"This run compares runtimes: the claims read the baseline's cells only ({baseline.Label}); the runtime comparison sets the others against them.").AppendLine();
        }

        text.AppendLine("| # | Claim | Cells | Measured | Verdict | Why | Rule |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var claim in ClaimRules.Evaluate(run))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {claim.Number} | {claim.Statement} | {claim.Cells} | {claim.Figures} | **{claim.Verdict}** | {claim.Explanation} | {claim.Rule} |");
        }

        text.AppendLine().AppendLine("### Findings").AppendLine();
        text.AppendLine("Traps in .NET itself beyond the claims, each computed the same way (src/IoBench.Report/Claims/FindingRules.cs).").AppendLine();
        text.AppendLine("| # | Finding | Cells | Measured | Verdict | Why | Rule |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var finding in FindingRules.Evaluate(run))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| F{finding.Number} | {finding.Statement} | {finding.Cells} | {finding.Figures} | **{finding.Verdict}** | {finding.Explanation} | {finding.Rule} |");
        }

        return text.AppendLine().ToString();
    }

    /// <summary>
    /// The baseline side of a run with several (a comparison run: each case's Side, or Framework before schema 4): the side
    /// of the job BenchmarkDotNet's description marks "(baseline)", else the first side; null in a run of one runtime.
    /// </summary>
    internal static (string Side, string Label)? BaselineSide(RunData run)
    {
        var sides = run.Cases.Select(c => c.SideOrFramework).OfType<string>().Distinct().ToList();
        if (sides.Count < 2)
        {
            return null;
        }

        var baselineJob = (run.Environment.Description ?? []).Select(line => line.StartsWith("Job ", StringComparison.Ordinal) && line.Contains(" (baseline):", StringComparison.Ordinal) ? line["Job ".Length..line.IndexOf(" (baseline):", StringComparison.Ordinal)] : null)
            .FirstOrDefault(id => id is not null);
        var side = run.Cases.FirstOrDefault(c => c.Job == baselineJob) is { } baselineCase ? baselineCase.SideOrFramework! : sides[0];
        var runtime = run.Cases.FirstOrDefault(c => c.SideOrFramework == side && c.Runtime is not null)?.Runtime;
        return (side, runtime is null ? $"{side} jobs" : $".NET {runtime}, {side} jobs");
    }

    private static string Best(ReportFamily family) =>
        Ranked(family, [.. family.Cases.Where(c => c is { Regime: "Steady", Success: true, MeanMs: not null })], lowest: true, "no steady cell ran");

    private static string Sequential(ReportFamily family)
    {
        if (family.Cases.Where(c => c is { Regime: "Steady", Success: true, Strategy: "Sequential", K: 0, MeanMs: not null }).MaxBy(c => c.N) is not { } s)
        {
            return "not run";
        }

        // A figure, not a ranking: it needs L measured (against the nominal L, a device's operation reads as anything).
        return s.Latency is null
            ? string.Create(CultureInfo.InvariantCulture, $"{RunSupport.NotDecided}: L not measured (Mean {MarkdownReport.ShortMilliseconds(s.MeanMs!.Value)} at N = {s.N:N0})")
            : string.Create(CultureInfo.InvariantCulture, $"{s.MeanMs!.Value / (family.LatencyOf(s).TotalMilliseconds * s.N):0.000} (N = {s.N:N0})");
    }

    private static string Worst(ReportFamily family) =>
        Ranked(family, [.. family.Cases.Where(c => c is { Success: true, MeanMs: not null } && AntiPatterns.Contains(c.Strategy))], lowest: false, "no anti-pattern row in this family");

    /// <summary>
    /// The best (lowest Mean/max(L)) or worst cell at the largest N, named only where the run can tell it from the next
    /// one: both measured enough batches, L measured, and their batches' ranges apart; else "not decided on this run" and why.
    /// </summary>
    private static string Ranked(ReportFamily family, List<CaseData> cells, bool lowest, string none)
    {
        if (cells.Count == 0)
        {
            return none;
        }

        var n = cells.Max(c => c.N);
        double Ratio(CaseData c, double ms) => ms / family.LatencyOf(c).TotalMilliseconds;
        var ranked = cells.Where(c => c.N == n).OrderBy(c => Ratio(c, c.MeanMs!.Value) * (lowest ? 1 : -1)).ToList();
        var (first, next) = (ranked[0], ranked.ElementAtOrDefault(1));
        string Name(CaseData c) => $"{ReportFamily.Label(new RowData(c.Strategy, c.K))}{(c.Regime == "Cold" ? " cold" : string.Empty)}";
        string Figure(CaseData c) => Ratio(c, c.MeanMs!.Value).ToString(lowest ? "0.00" : "0.0", CultureInfo.InvariantCulture);
        var compared = next is null ? [first] : new[] { first, next };
        if (RunSupport.WhyNotDecided(compared, needsMeasuredL: true) is { } why)
        {
            // Without L measured, the cell's Mean: a ratio to the nominal L would be a figure of the setting, not the run.
            var figure = first.Latency is null ? MarkdownReport.ShortMilliseconds(first.MeanMs!.Value) : Figure(first);
            return string.Create(CultureInfo.InvariantCulture, $"{RunSupport.NotDecided}: {why}; {Name(first)} {figure} (N = {n:N0})");
        }

        // The spread the run measured: the first's batches must all lie on the right side of the next one's.
        if (next is not null && (lowest
                ? Ratio(first, first.MaxMs ?? first.MeanMs!.Value) >= Ratio(next, next.MinMs ?? next.MeanMs!.Value)
                : Ratio(first, first.MinMs ?? first.MeanMs!.Value) <= Ratio(next, next.MaxMs ?? next.MeanMs!.Value)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{RunSupport.NotDecided}: {Name(first)} {Figure(first)} and {Name(next)} {Figure(next)} (N = {n:N0}) overlap in their batches' ranges");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Name(first)} {Figure(first)} (N = {n:N0})");
    }
}
