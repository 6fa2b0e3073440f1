using System.Globalization;
using System.Text;
using IoBench.Core.Theory;

namespace IoBench.Report.Claims;

/// <summary>
/// The suite's answer in one small table, for the repository's README (<c>scripts/report.sh --headline README.md RUN</c>):
/// the Sleep family's batch times between its two bounds, N×L and max(L), for the strategies that tell the story (the
/// sequential loop, the async overlaps, a thread per call, and the two ways of blocking pool threads). Rendered from the
/// data file like every other table of results, so that the README never quotes a run it no longer holds.
/// </summary>
public static class Headline
{
    /// <summary>Sequential and blocking, overlapped asynchronously (on the pool, on one thread), a thread each, blocked pool threads.</summary>
    private static readonly string[] Strategies = ["Sequential", "Task", "EventLoop", "Thread", "ThreadPool", "SyncOverAsync"];

    /// <param name="links">Prefix of the link to the run's report (its folder, relative to the file this text goes in).</param>
    public static string Render(RunData run, string links = "")
    {
        var sleep = ReportFamily.Of(run).FirstOrDefault(f => f.Workload == "Sleep" && !f.ClaimOnly)
            ?? throw new InvalidDataException("the run has no Sleep family, which the headline table shows");
        // N = 1 is L itself for every strategy that runs it: the table starts where the two bounds part.
        var ops = sleep.Ops.Where(n => n > 1).ToList();
        var blocking = sleep.BlockingL;
        var text = new StringBuilder();
        if (RunSupport.IsQuick(run))
        {
            text.AppendLine(RunSupport.Banner(run)).AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Sleep (L = {MarkdownReport.Milliseconds(blocking)}), batch time of N calls in [the current run]({links}{MarkdownReport.FileName}) ({run.Environment.Cores} cores); \"cold\": a fresh process's first batch.").AppendLine();
        text.Append("| Strategy |").AppendLine(string.Concat(ops.Select(n => string.Create(CultureInfo.InvariantCulture, $" N = {n:N0} |"))));
        text.Append("|---|").AppendLine(string.Concat(ops.Select(_ => "---:|")));
        text.Append("| *N×L* |").AppendLine(string.Concat(ops.Select(n => $" *{MarkdownReport.Milliseconds(Bounds.Sequential(n, blocking))}* |")));
        text.Append("| *max(L)* |").AppendLine(string.Concat(ops.Select(_ => $" *{MarkdownReport.Milliseconds(Bounds.Overlapped(blocking))}* |")));
        foreach (var row in Strategies.Select(s => new RowData(s, 0)).Where(r => sleep.Rows.Contains(r)))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Strategy} |");
            foreach (var n in ops)
            {
                text.Append(' ').Append(Cell(sleep, row, n)).Append(" |");
            }

            text.AppendLine();
        }

        return text.AppendLine().ToString();
    }

    /// <summary>The steady Mean, the cold one beside it where the cell depends on the pool's history; why a cell did not run, briefly.</summary>
    private static string Cell(ReportFamily family, RowData row, int n)
    {
        if (family.Steady(row, n) is not { } steady)
        {
            return family.WhyNotRun(row, n) is null or NotRunData.FilteredOut ? "-" : "not run";
        }

        if (!steady.Success || steady.MeanMs is not { } mean)
        {
            return "failed";
        }

        var text = MarkdownReport.Milliseconds(ReportFamily.Milliseconds(mean));
        return family.Cold(row, n) is { Success: true, MeanMs: { } cold } ? $"{text}; cold {MarkdownReport.Milliseconds(ReportFamily.Milliseconds(cold))}" : text;
    }
}
