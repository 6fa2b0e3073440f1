using System.Globalization;
using System.Text;

namespace IoBench.Report.Claims;

/// <summary>
/// at-a-glance.md, rendered from the data file like the report: per workload configuration the best strategy's
/// Mean/max(L), Sequential's Mean/(N×L) and the worst anti-pattern, with a link to its chart; then the ten claims with
/// their computed verdicts. The same text goes into results/README.md (<c>scripts/report.sh --readme</c>).
/// </summary>
public static class AtAGlance
{
    public const string FileName = "at-a-glance.md";

    /// <summary>The patterns people get wrong: blocking on the pool, blocking the loop, blocking on async calls.</summary>
    private static readonly string[] AntiPatterns = ["ThreadPool", "TaskRun", "SyncOverAsync", "EventLoopBlocking"];

    /// <param name="links">Prefix of the links to the run's files (its folder, relative to the file this text goes in).</param>
    public static string Render(RunData run, string links = "")
    {
        var environment = run.Environment;
        var text = new StringBuilder();
        text.AppendLine("### At a glance").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{environment.Cpu}, {environment.Cores} cores, {environment.Os}; {environment.Runtimes.FirstOrDefault() ?? "runtime not reported"}; BenchmarkDotNet {environment.BenchmarkDotNet}{(environment.RunTimeS is { } seconds ? $"; run time {(int)Math.Round(seconds) / 60} min {(int)Math.Round(seconds) % 60} s" : string.Empty)}. Steady figures at the largest N each row ran unless marked cold; [full report]({links}{MarkdownReport.FileName}).").AppendLine();
        text.AppendLine("| Workload | Best strategy: Mean/max(L) | Sequential: Mean/(N×L) | Worst anti-pattern: Mean/max(L) | Chart |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var family in ReportFamily.Of(run).Where(f => !f.ClaimOnly))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {family.Title} | {Best(family)} | {Sequential(family)} | {Worst(family)} | [chart]({links}{family.ChartFileName}) |");
        }

        text.AppendLine().AppendLine("### The ten claims").AppendLine();
        text.AppendLine("Each verdict is computed from the run's data file by the rule in its row (src/IoBench.Report/Claims/ClaimRules.cs), never typed by hand.").AppendLine();
        text.AppendLine("| # | Claim | Cells | Measured | Verdict | Why | Rule |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var claim in ClaimRules.Evaluate(run))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {claim.Number} | {claim.Statement} | {claim.Cells} | {claim.Figures} | **{claim.Verdict}** | {claim.Explanation} | {claim.Rule} |");
        }

        return text.AppendLine().ToString();
    }

    private static string Best(ReportFamily family)
    {
        var steady = family.Cases.Where(c => c is { Regime: "Steady", Success: true, MeanMs: not null }).ToList();
        if (steady.Count == 0)
        {
            return "-";
        }

        var n = steady.Max(c => c.N);
        var best = steady.Where(c => c.N == n).MinBy(c => c.MeanMs!.Value / family.LatencyOf(c).TotalMilliseconds)!;
        return string.Create(CultureInfo.InvariantCulture, $"{ReportFamily.Label(new RowData(best.Strategy, best.K))} {best.MeanMs!.Value / family.LatencyOf(best).TotalMilliseconds:0.00} (N = {best.N:N0})");
    }

    private static string Sequential(ReportFamily family) =>
        family.Cases.Where(c => c is { Regime: "Steady", Success: true, Strategy: "Sequential", K: 0, MeanMs: not null }).MaxBy(c => c.N) is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"{s.MeanMs!.Value / (family.LatencyOf(s).TotalMilliseconds * s.N):0.000} (N = {s.N:N0})")
            : "not run";

    private static string Worst(ReportFamily family)
    {
        var cells = family.Cases.Where(c => c is { Success: true, MeanMs: not null } && AntiPatterns.Contains(c.Strategy)).ToList();
        if (cells.Count == 0)
        {
            return "-";
        }

        var n = cells.Max(c => c.N);
        var worst = cells.Where(c => c.N == n).MaxBy(c => c.MeanMs!.Value / family.LatencyOf(c).TotalMilliseconds)!;
        return string.Create(CultureInfo.InvariantCulture, $"{worst.Strategy}{(worst.Regime == "Cold" ? " cold" : string.Empty)} {worst.MeanMs!.Value / family.LatencyOf(worst).TotalMilliseconds:0.0} (N = {worst.N:N0})");
    }
}
