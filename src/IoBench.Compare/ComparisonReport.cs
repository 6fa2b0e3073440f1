using System.Text;
using static IoBench.Compare.MarkdownText;

namespace IoBench.Compare;

/// <summary>
/// The comparison as markdown: both inputs, any setting that differed, the rules, the verdict counts and the agreement
/// per family, the median ratio per regime, and every case.
/// </summary>
public static class ComparisonReport
{
    public static string Render(RunComparison comparison)
    {
        var c = comparison;
        var threshold = Percent(c.Threshold * 100);
        var md = new StringBuilder();
        md.AppendLine("# IoBench run comparison").AppendLine();
        md.AppendLine(Input("A", c.A)).AppendLine(Input("B", c.B)).AppendLine();
        AppendSettings(md, c);
        md.AppendLine(c.Rule.Describe()).AppendLine();
        if (c.PerProcess)
        {
            md.AppendLine(c.Rule.DescribePerProcess()).AppendLine();
            md.AppendLine(TestStatement(c)).AppendLine();
        }

        var totals = c.Totals;
        md.AppendLine($"**Verdicts: {totals.Faster} faster, {totals.Slower} slower, {totals.Same} same, {totals.Unknown} unknown** "
            + $"of {totals.Cases} matched cases. Only in A: {c.OnlyInA.Count}. Only in B: {c.OnlyInB.Count}. "
            + $"Not measured (failed): {c.A.Unmeasured.Count()} in A, {c.B.Unmeasured.Count()} in B.").AppendLine();
        md.AppendLine($"**Agreement: {c.AgreeCount} of {c.Cases.Count} matched cases have a ratio within ±{threshold} "
            + $"({Percent(c.AgreePercent)}).** Ranges of iterations that overlap do not count: a cell's [min, max] comes from one "
            + "process and does not cover the next run.").AppendLine();
        if (c.PerLatencyCount > 0)
        {
            md.AppendLine($"**In units of each case's own L** (the ratio × L(A) / L(B), L from each run's {CaseLatencies.DataFile}; a "
                + $"device's latency, an fsync's or a commit's, moves between runs): {c.AgreePerLatencyCount} of {c.PerLatencyCount} "
                + $"cases within ±{threshold} ({Percent(100.0 * c.AgreePerLatencyCount / c.PerLatencyCount)}).").AppendLine();
        }

        AppendLatencyChanges(md, c);

        md.AppendLine("## Verdicts and agreement per workload family").AppendLine();
        var share = c.PerProcess ? " Unknown share |" : "";
        md.AppendLine($"| Family | Cases | Faster | Slower | Same | Unknown |{share} Ratio within ±{threshold} |").AppendLine($"|---|---:|---:|---:|---:|---:|{(c.PerProcess ? "---:|" : "")}---:|");
        foreach (var f in c.VerdictsByType.Append(totals))
        {
            var unknownShare = c.PerProcess ? $" {Percent(f.UnknownPercent)} |" : "";
            md.AppendLine($"| {Cell(f.Name)} | {f.Cases} | {f.Faster} | {f.Slower} | {f.Same} | {f.Unknown} |{unknownShare} {f.Agree} ({Percent(f.AgreePercent)}) |");
        }

        AppendCoverage(md, c);

        md.AppendLine().AppendLine("## Median ratio (B / A) per regime, geometric mean beside it").AppendLine();
        md.AppendLine("| Group | Cases | Median ratio | Geometric mean |").AppendLine("|---|---:|---:|---:|");
        foreach (var group in c.ByRegime.Prepend(c.Overall).Concat(c.ByType).Concat(c.ByStrategy))
        {
            md.AppendLine($"| {Cell(group.Name)} | {group.Count} | {Number(group.Median, "0.000")} | {Number(group.GeometricMean, "0.000")} |");
        }

        md.AppendLine().AppendLine("## Matched cases, largest change first").AppendLine();
        var perL = c.PerLatencyCount > 0;
        var confidence = Percent(c.Rule.Confidence * 100);
        var center = c.PerProcess ? "estimate" : "median";
        if (c.DecidedPerLatencyCount > 0)
        {
            md.AppendLine($"A ratio marked *per L* is in units of each side's own L (its interval, p and verdict too); **Time ratio** is B's times over A's as measured.").AppendLine();
        }

        md.AppendLine($"| Case | A {center} | B {center} | Ratio | {confidence} interval | Mean ratio | p | q | Verdict | Within ±{threshold} |{(perL ? " Ratio per L | Time ratio |" : "")}");
        md.AppendLine($"|---|---:|---:|---:|---|---:|---:|---:|---|---|{(perL ? "---:|---:|" : "")}");
        foreach (var row in c.Cases)
        {
            md.AppendLine($"| {Cell(row.Key.ToString())} | {DurationText.Format(row.CenterA)} | {DurationText.Format(row.CenterB)} "
                + $"| {RatioText(row)} | {Interval(row.Estimate)} | {Number(row.MeanRatio, "0.00")} "
                + $"| {Number(row.PValue, "0.0000")}{(row.PExact ? "" : " (approx.)")} | {QText(row.QValue)} "
                + $"| {VerdictText(row)} | {(row.Agrees ? "yes" : "**no**")} |"
                + (perL ? $" {(row.PerLatencyRatio is { } r ? Number(r, "0.000") : "-")} | {Number(row.TimeRatio, "0.000")} |" : ""));
        }

        AppendKeys(md, "Only in A", c.OnlyInA);
        AppendKeys(md, "Only in B", c.OnlyInB);
        AppendKeys(md, "Not measured in A", [.. c.A.Unmeasured]);
        AppendKeys(md, "Not measured in B", [.. c.B.Unmeasured]);
        return md.ToString();
    }

    /// <summary>
    /// Which test decided how many cases, with the processes per side and the smallest p each can reach: a rank test over
    /// few values has a floor (3 against 3 iterations: 0.1), which Benjamini-Hochberg over ~145 cases then cannot pass.
    /// </summary>
    public static string TestStatement(RunComparison c)
    {
        var perProcess = c.Cases.Where(k => k.PerProcess).GroupBy(k => (k.A.Processes.Count, k.B.Processes.Count))
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key.Item1} against {g.Key.Item2} processes: {g.Count()}").ToList();
        var perIteration = c.Cases.Where(k => !k.PerProcess).GroupBy(k => (k.A.NanosecondsPerOperation.Count, k.B.NanosecondsPerOperation.Count))
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key.Item1} against {g.Key.Item2} iterations: {g.Count()} (smallest p {Number(MannWhitneyTest.SmallestP(g.Key.Item1, g.Key.Item2), "0.####E+0")})")
            .ToList();
        var (processes, iterations) = c.Tests;
        return $"**Tests**: {processes} cases by the moderated t-test on log process medians ({(perProcess.Count == 0 ? "none" : string.Join("; ", perProcess))}; "
            + $"its p has no floor); {iterations} by the Mann-Whitney test on iterations, a process a side or fewer than two on one side "
            + $"({(perIteration.Count == 0 ? "none" : string.Join("; ", perIteration))}).";
    }

    /// <summary>q, or "-" for a case not judged.</summary>
    public static string QText(double q) => double.IsNaN(q) ? "-" : Number(q, "0.0000");

    /// <summary>The verdict cell: the verdict, or "not judged" with its reason.</summary>
    public static string VerdictText(CaseComparison row) =>
        row.Verdict == Verdict.NotJudged ? $"not judged: {Cell(row.NotJudgedReason!)}" : VerdictText(row.Verdict);

    /// <summary>The A/A check of the prediction intervals per family (per-process runs only).</summary>
    private static void AppendCoverage(StringBuilder md, RunComparison c)
    {
        if (c.Coverage.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("## How far a repeat lands: A's 90% prediction intervals against B").AppendLine();
        md.AppendLine("Each of A's cells carries a 90% prediction interval from a per-family between-process variance measured in A and applied "
            + "to each cell: its estimate (the geometric mean of its process medians) × exp(± t(0.95, df) · s_f · √(1/kA + 1/kB)). On two runs "
            + $"of the same code (an A/A check of the machine) 85-95% of B's estimates should fall inside, judged for families of at least {FamilyCoverage.JudgedFrom} cells.").AppendLine();
        md.AppendLine("| Family | Cells | B inside A's interval | Median relative width | s_f | df | Target 85-95% |").AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var f in c.Coverage)
        {
            var target = f.OnTarget switch { null => "too few cells", true => "met", false => "**missed**" };
            md.AppendLine($"| {Cell(f.Family)} | {f.Cells} | {f.Inside} ({Percent(f.InsidePercent)}) | {Percent(f.MedianRelativeWidth * 100)} | {Number(f.StandardDeviation, "0.0000")} | {f.DegreesOfFreedom} | {target} |");
        }
    }

    /// <summary>The deciding ratio, marked "per L" when each side was taken in units of its own L.</summary>
    public static string RatioText(CaseComparison row) =>
        row.DecidedPerLatency ? $"{Number(row.Ratio, "0.000")} per L" : Number(row.Ratio, "0.000");

    /// <summary>How each family's L moved from A to B, and which families were decided in units of it.</summary>
    public static void AppendLatencyChanges(StringBuilder md, RunComparison c)
    {
        if (c.LatencyChanges.Count == 0)
        {
            return;
        }

        md.AppendLine($"**L per family**: {c.DecidedPerLatencyCount} of {c.Cases.Count} cases were decided in units of each side's own L: "
            + "those whose L is sampled around every batch because a device or a calibration decides it, not a timer (an fsync, a "
            + "commit, a query, a calibrated computation). Such an L moves between two runs of the same code (SqliteQuery's by 1.43 "
            + "in the published A/A pair), so a change in it is reported here, not judged; a timed family's L is the change under "
            + "test (a positive control's L × 1.1) and decides nothing.").AppendLine();
        md.AppendLine("| Family | Decided in units of L | Cases | L(B) / L(A), median | Smallest | Largest |").AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var l in c.LatencyChanges)
        {
            md.AppendLine($"| {Cell(l.Type)} | {(l.DecidedPerLatency ? "yes" : "no")} | {l.Cases} | {Number(l.Median, "0.000")} | {Number(l.Min, "0.000")} | {Number(l.Max, "0.000")} |");
        }

        md.AppendLine();
    }

    /// <summary>"[0.912, 1.043]", or "unbounded" when the iterations are too few for the confidence.</summary>
    public static string Interval(RatioEstimate estimate) =>
        estimate.Bounded ? $"[{Number(estimate.Lower, "0.000")}, {Number(estimate.Upper, "0.000")}]" : "unbounded";

    public static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Faster or Verdict.Slower => $"**{verdict.ToString().ToLowerInvariant()}**",
        _ => verdict.ToString().ToLowerInvariant(),
    };

    /// <summary>What differed between the runs' settings, and a BenchmarkDotNet version that differs: said before any figure.</summary>
    private static void AppendSettings(StringBuilder md, RunComparison c)
    {
        if (c.A.Settings is null || c.B.Settings is null)
        {
            var without = string.Join(" and ", new[] { ("A", c.A), ("B", c.B) }.Where(s => s.Item2.Settings is null).Select(s => s.Item1));
            md.AppendLine($"**Settings not checked**: {without} has no {CaseLatencies.DataFile} (compared with --allow-different-settings).").AppendLine();
        }
        else if (RunSettings.Differences(c.A.Settings, c.B.Settings) is { Count: > 0 } differences)
        {
            var refusing = differences.Where(d => d.Refuses).ToList();
            if (refusing.Count > 0)
            {
                md.AppendLine($"**Settings differ** (compared with --allow-different-settings; a ratio then mixes the change under test with these): "
                    + $"{string.Join("; ", refusing)}.").AppendLine();
            }

            if (differences.Where(d => !d.Refuses).ToList() is { Count: > 0 } others)
            {
                md.AppendLine($"Other settings that differ (they choose the matrix or the server, not what a matched case measures): "
                    + $"{string.Join("; ", others)}.").AppendLine();
            }
        }

        if (BenchmarkDotNetWarning(c) is { } warning)
        {
            md.AppendLine($"**Warning**: {warning}.").AppendLine();
        }
    }

    /// <summary>The warning when the runs were measured by different BenchmarkDotNet versions, else null.</summary>
    public static string? BenchmarkDotNetWarning(RunComparison c) =>
        (c.A.Environment.BenchmarkDotNetVersion, c.B.Environment.BenchmarkDotNetVersion) is ({ } a, { } b) && a != b
            ? $"A was measured with BenchmarkDotNet {a}, B with {b}: its engine and its defaults may differ"
            : null;

    private static string Input(string side, RunResults run)
    {
        var files = run.Reports.Count == 1 ? "1 report file" : $"{run.Reports.Count} report files";
        var title = run.Environment.Title is { } t ? $"{t}; " : "";
        return $"- **{side}**: `{DisplayPath.Of(run.Source)}` ({run.Cases.Count} measured cases from {files}): {title}{run.Environment.Describe()}";
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
