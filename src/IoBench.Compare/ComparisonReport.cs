using System.Text;
using static IoBench.Compare.MarkdownText;

namespace IoBench.Compare;

/// <summary>The comparison as markdown: both inputs, the rules, the agreement line, verdicts, geometric means, every case.</summary>
public static class ComparisonReport
{
    public static string Render(RunComparison comparison)
    {
        var c = comparison;
        var threshold = Percent(c.Threshold * 100);
        var md = new StringBuilder();
        md.AppendLine("# IoBench run comparison").AppendLine();
        md.AppendLine(Input("A", c.A)).AppendLine(Input("B", c.B)).AppendLine();
        md.AppendLine($"Ratios are B / A of the nanoseconds per operation of the measured iterations (Workload, Actual): below 1 "
            + $"B is faster. A case **agrees** when |mean ratio − 1| ≤ {threshold} or the [min, max] ranges of the two sides' "
            + $"iterations overlap. **Verdict**: two-sided Mann-Whitney U test (exact up to {MannWhitneyTest.ExactLimit} iterations a side, ties by midranks; else normal approximation) "
            + $"at α = {Number(c.Alpha, "0.###")} with a {threshold} threshold: *same* when p ≥ α or |ratio − 1| < {threshold}, "
            + "else *faster* or *slower*.").AppendLine();
        md.AppendLine($"**{c.AgreeCount} of {c.Cases.Count} matched cases agree within {threshold} or their ranges overlap "
            + $"({Percent(c.AgreePercent)}).**").AppendLine();
        if (c.PerLatencyCount > 0)
        {
            md.AppendLine($"**In units of each case's own L** (Mean/L, L from each run's {CaseLatencies.DataFile}; a device's "
                + $"latency, an fsync's or a commit's, moves between runs): {c.AgreePerLatencyCount} of {c.PerLatencyCount} "
                + $"cases agree within {threshold} or their ranges overlap ({Percent(100.0 * c.AgreePerLatencyCount / c.PerLatencyCount)}).").AppendLine();
        }

        md.AppendLine($"Verdicts: {c.Count(Verdict.Faster)} faster, {c.Count(Verdict.Slower)} slower, {c.Count(Verdict.Same)} same. "
            + $"Only in A: {c.OnlyInA.Count}. Only in B: {c.OnlyInB.Count}. "
            + $"Not measured (failed): {c.A.Unmeasured.Count()} in A, {c.B.Unmeasured.Count()} in B.").AppendLine();

        md.AppendLine("## Geometric mean of ratios (B / A)").AppendLine();
        md.AppendLine("| Group | Cases | Geometric mean |").AppendLine("|---|---:|---:|");
        foreach (var group in new[] { c.Overall }.Concat(c.ByType).Concat(c.ByStrategy))
        {
            md.AppendLine($"| {Cell(group.Name)} | {group.Count} | {Number(group.GeometricMean, "0.000")} |");
        }

        md.AppendLine().AppendLine("## Agreement per workload family").AppendLine();
        md.AppendLine("| Family | Cases | Agree | Share | Every other family: agree | Share |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in c.AgreementByType)
        {
            md.AppendLine($"| {Cell(group.Name)} | {group.Count} | {group.Agree} | {Percent(group.Percent)} | {group.OthersAgree} of {group.OthersCount} | {(group.OthersCount == 0 ? "-" : Percent(group.OthersPercent))} |");
        }

        md.AppendLine().AppendLine("## Matched cases, largest change first").AppendLine();
        var perL = c.PerLatencyCount > 0;
        md.AppendLine($"| Case | A mean | B mean | Ratio | Median ratio | Agrees | Verdict | p |{(perL ? " Ratio per L | Agrees per L |" : "")}");
        md.AppendLine($"|---|---:|---:|---:|---:|---|---|---:|{(perL ? "---:|---|" : "")}");
        foreach (var row in c.Cases)
        {
            var agrees = row.Agrees ? (row.WithinThreshold ? "yes" : "yes (ranges overlap)") : "**no**";
            var verdict = row.Verdict == Verdict.Same ? "same" : $"**{row.Verdict.ToString().ToLowerInvariant()}**";
            md.AppendLine($"| {Cell(row.Key.ToString())} | {DurationText.Format(row.A.Mean)} | {DurationText.Format(row.B.Mean)} "
                + $"| {Number(row.MeanRatio, "0.00")} | {Number(row.MedianRatio, "0.00")} | {agrees} | {verdict} "
                + $"| {Number(row.Test.PValue, "0.0000")}{(row.Test.Exact ? "" : " (approx.)")} |"
                + (perL ? $" {(row.PerLatencyRatio is { } r ? Number(r, "0.00") : "-")} | {(row.AgreesPerLatency is { } a ? (a ? "yes" : "**no**") : "-")} |" : ""));
        }

        AppendKeys(md, "Only in A", c.OnlyInA);
        AppendKeys(md, "Only in B", c.OnlyInB);
        AppendKeys(md, "Not measured in A", [.. c.A.Unmeasured]);
        AppendKeys(md, "Not measured in B", [.. c.B.Unmeasured]);
        return md.ToString();
    }

    private static string Input(string side, RunResults run)
    {
        var files = run.Reports.Count == 1 ? "1 report file" : $"{run.Reports.Count} report files";
        var title = run.Environment.Title is { } t ? $"{t}; " : "";
        return $"- **{side}**: `{run.Source}` ({run.Cases.Count} measured cases from {files}): {title}{run.Environment.Describe()}";
    }

    private static void AppendKeys(StringBuilder md, string heading, IReadOnlyList<CaseKey> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine($"## {heading}").AppendLine();
        foreach (var key in keys)
        {
            md.AppendLine($"- {Cell(key.ToString())}");
        }
    }
}
