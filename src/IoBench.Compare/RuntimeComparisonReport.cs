using System.Text;
using static IoBench.Compare.MarkdownText;

namespace IoBench.Compare;

/// <summary>
/// A comparison run as markdown: the runtimes with the versions their processes read, the rules, per runtime the verdict
/// counts (overall and per family) and the headline, the median ratio per regime with the geometric mean beside it, the
/// largest changes in sentences, the median ratios per workload and per strategy, and every case on every runtime.
/// </summary>
public static class RuntimeComparisonReport
{
    public const string FileName = "runtime-comparison.md";

    /// <summary>How many significant changes are written out as sentences.</summary>
    public const int Sentences = 12;

    public static string Render(RuntimeComparison comparison)
    {
        var c = comparison;
        var md = new StringBuilder();
        md.AppendLine("# IoBench runtime comparison").AppendLine();
        var reports = c.Run.Reports.Count == 1 ? "1 report file" : $"{c.Run.Reports.Count} report files";
        md.AppendLine($"- **Run**: `{DisplayPath.Of(c.Run.Source)}` ({c.Run.Cases.Count} measured cases from {reports}): {c.Run.Environment.Describe()}");
        md.AppendLine($"- **Baseline**: {Label(c.Baseline)}; compared with it: {string.Join(", ", c.Others.Select(o => Label(o.B)))}. Each runtime's version "
            + "is the one its benchmark processes read (`Environment.Version`, in iobench-data.json), not the job's name.").AppendLine();
        md.AppendLine("Each regime is compared with itself: a steady case with the baseline's steady case, a cold one with the baseline's "
            + "cold one; the false-discovery control runs over each runtime's cases. " + c.Rule.Describe()
            + " **Per L**: the ratio with each runtime's own L taken out (L from the data file). The families whose L is sampled around "
            + "every batch (a device or a calibration decides it, not a timer: Cpu, FileWrite, SqliteQuery, SqliteWrite and the short "
            + "PostgreSQL ones, whose fsync, commit or query can take twice as long from one run to the next on this machine) are "
            + "decided per L: their ratio, interval, p and verdict are in units of each side's own L, marked *per L*, and how their L "
            + "moved is reported per family below, not judged. **Time ratio** is the ratio of the times as measured.").AppendLine();

        var perProcess = c.Others.Concat(c.Controls).Any(o => o.PerProcess);
        if (perProcess)
        {
            md.AppendLine(c.Rule.DescribePerProcess()).AppendLine();
            foreach (var o in c.Others.Concat(c.Controls))
            {
                md.AppendLine($"- {Label(o.B)}: {ComparisonReport.TestStatement(o)}");
            }

            md.AppendLine();
        }

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine("| Runtime | Cases | Faster | Slower | Same | Unknown |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var o in c.Others)
        {
            var t = o.Totals;
            md.AppendLine($"| {Label(o.B)} vs {Label(o.A)} | {t.Cases} | {t.Faster} | {t.Slower} | {t.Same} | {t.Unknown} |");
        }

        if (c.Others.Any(o => o.PoolCells > 0))
        {
            md.AppendLine().AppendLine("**Steady pool cells** (their time depends on the pool's history) are judged only where both runtimes began measuring in the "
                + "same pool state: the same minimum of worker threads, at least N, or every process's warm-up settled at the same pool size; the others "
                + "are reported, not judged, with the reason, and counted in no verdict:");
            foreach (var o in c.Others.Where(o => o.PoolCells > 0))
            {
                md.AppendLine($"- {Label(o.B)}: {o.PoolCells - o.PoolCellsNotJudged} of {o.PoolCells} judged, {o.PoolCellsNotJudged} not judged.");
            }
        }

        AppendControls(md, c);

        // The controls' rows too: the negative control's L moves as far as a runtime's may without any runtime effect.
        foreach (var o in c.Others.Concat(c.Controls).Where(o => o.LatencyChanges.Count > 0))
        {
            md.AppendLine().AppendLine($"**L per family, {Label(o.B)} against {Label(o.A)}**:").AppendLine();
            ComparisonReport.AppendLatencyChanges(md, o);
        }

        md.AppendLine().AppendLine("**Headline**: the median of the cases' ratios per runtime and regime, the geometric mean beside it "
            + "(one extreme case moves the geometric mean, not the median).").AppendLine();
        md.AppendLine("| Runtime | Regime | Cases | Median ratio | Geometric mean |").AppendLine("|---|---|---:|---:|---:|");
        foreach (var o in c.Others)
        {
            foreach (var g in o.ByRegime.Append(o.Overall))
            {
                md.AppendLine($"| {Label(o.B)} | {Cell(g.Name)} | {g.Count} | {Number(g.Median, "0.000")} | {Number(g.GeometricMean, "0.000")} |");
            }
        }

        md.AppendLine().AppendLine("### Verdicts per workload family").AppendLine();
        md.AppendLine($"| Family |{string.Concat(c.Others.Select(o => $" {Label(o.B)}: faster / slower / same / unknown |"))}");
        md.AppendLine($"|---|{string.Concat(c.Others.Select(_ => "---|"))}");
        var families = c.Others.Select(o => o.VerdictsByType.ToDictionary(f => f.Name, StringComparer.Ordinal)).ToList();
        foreach (var family in families.SelectMany(f => f.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            md.AppendLine($"| {Cell(family)} |{string.Concat(families.Select(f => f.TryGetValue(family, out var v) ? $" {v.Faster} / {v.Slower} / {v.Same} / {v.Unknown}{(perProcess ? FamilyExtras(v) : "")} |" : " - |"))}");
        }

        md.AppendLine().AppendLine("## Largest changes").AppendLine();
        var changes = c.SignificantChanges;
        if (changes.Count == 0)
        {
            md.AppendLine($"No case is faster or slower beyond {Percent(c.Rule.Threshold * 100)} on any runtime.");
        }

        foreach (var (runtime, change) in changes.Take(Sentences))
        {
            md.AppendLine($"- {Sentence(runtime, change)}");
        }

        if (changes.Count > Sentences)
        {
            md.AppendLine($"- ... and {changes.Count - Sentences} more changes in the table of every case below.");
        }

        Groups(md, "Median ratio per workload and regime (cases)", c, o => o.Cases.Where(k => k.Verdict != Verdict.NotJudged).Select(k => (Name: $"{Family(k.Key)} ({k.Key.Job.ToLowerInvariant()})", k.Ratio)));
        Groups(md, "Median ratio per strategy (cases)", c, o => o.Cases.Where(k => k.Verdict != Verdict.NotJudged).Select(k => (Name: k.Key.Parameter("Strategy") ?? "(none)", k.Ratio)));

        md.AppendLine().AppendLine("## Every case").AppendLine();
        md.Append($"| Case | {Label(c.Baseline)} |");
        var separator = new StringBuilder("|---|---:|");
        foreach (var o in c.Others)
        {
            md.Append($" {Label(o.B)} | Ratio | Interval | Per L | Time ratio | q | Verdict |");
            separator.Append("---:|---:|---|---:|---:|---:|---|");
        }

        md.AppendLine().AppendLine(separator.ToString());
        var byRuntime = c.Others.Select(o => o.Cases.ToDictionary(k => k.Key)).ToList();
        foreach (var key in c.Keys)
        {
            md.Append($"| {Cell(key.ToString())} | {(c.Baseline.Cases.TryGetValue(key, out var a) ? DurationText.Format(perProcess ? a.CellEstimate : a.Median) : "not measured")} |");
            for (var i = 0; i < c.Others.Count; i++)
            {
                if (byRuntime[i].TryGetValue(key, out var row))
                {
                    md.Append($" {DurationText.Format(row.CenterB)} | {Ratio(row.Ratio)}{(row.DecidedPerLatency ? " per L" : "")} | {ComparisonReport.Interval(row.Estimate)} | {(row.PerLatencyRatio is { } l ? Ratio(l) : "-")} | {Ratio(row.TimeRatio)} | {ComparisonReport.QText(row.QValue)} | {ComparisonReport.VerdictText(row)} |");
                }
                else
                {
                    var measured = c.Others[i].B.Cases.TryGetValue(key, out var b) ? DurationText.Format(b.Median) : "not measured";
                    md.Append($" {measured} | - | - | - | - | - | - |");
                }
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    /// <summary>" (25% unknown; 2 not judged)": the unknown share of the judged cases, and the cells set aside.</summary>
    private static string FamilyExtras(VerdictCounts v) =>
        $" ({Percent(v.UnknownPercent)} unknown{(v.NotJudged > 0 ? $"; {v.NotJudged} not judged" : "")})";

    /// <summary>What each control got against its target: the comparison's own check of its false calls and of its power.</summary>
    private static void AppendControls(StringBuilder md, RuntimeComparison c)
    {
        if (c.Controls.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("## Controls").AppendLine();
        md.AppendLine("The controls are not runtimes: the baseline runtime measured again as its own jobs, interleaved with the others. They say what this "
            + "comparison's verdicts are worth on this machine.").AppendLine();
        md.AppendLine("| Control | Cases | Faster | Slower | Same | Unknown | Not judged | Target | Got |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        if (c.NegativeControl is { } negative)
        {
            var t = negative.Totals;
            var judged = t.Cases - t.NotJudged;
            var called = judged == 0 ? 0 : 100.0 * (t.Faster + t.Slower) / judged;
            md.AppendLine($"| Negative: {Label(negative.B)} against {Label(negative.A)} (the same runtime) | {t.Cases} | {t.Faster} | {t.Slower} | {t.Same} | {t.Unknown} | {t.NotJudged} "
                + $"| at most 1% faster or slower | {Percent(called)} faster or slower: {(called <= 1 ? "met" : "**missed**")} |");
        }

        if (c.PositiveControl is { } positive)
        {
            var t = positive.Totals;
            var judged = t.Cases - t.NotJudged;
            var slower = judged == 0 ? 0 : 100.0 * t.Slower / judged;
            md.AppendLine($"| Positive: {Label(positive.B)} against {Label(positive.A)} (L × 1.1 on the timed families) | {t.Cases} | {t.Faster} | {t.Slower} | {t.Same} | {t.Unknown} | {t.NotJudged} "
                + $"| at least 80% slower | {Percent(slower)} slower: {(slower >= 80 ? "met" : "**missed**")} |");
        }
    }

    /// <summary>One sentence with its figures: which case, the median on each runtime, the ratio with its interval and q.</summary>
    public static string Sentence(RunComparison runtime, CaseComparison change)
    {
        var direction = change.Verdict == Verdict.Faster ? "faster" : "slower";
        var size = change.Ratio switch
        {
            < 0.5 => $"{Number(1 / change.Ratio, "0.#")} times {direction}",
            > 2 => $"{Number(change.Ratio, "0.#")} times {direction}",
            var r => $"{Number(Math.Abs(r - 1) * 100, "0")}% {direction}",
        };
        var perL = change.DecidedPerLatency ? $"; in units of each runtime's own L, as decided; as times, {Ratio(change.TimeRatio)}"
            : change.PerLatencyRatio is { } l ? $"; in units of each runtime's own L, {Ratio(l)}" : string.Empty;
        var center = change.PerProcess ? "estimate" : "median";
        return $"{Describe(change.Key)}: {center} {DurationText.Format(change.CenterA)} on {Label(runtime.A)}, {DurationText.Format(change.CenterB)} on "
            + $"{Label(runtime.B)}, ratio {Ratio(change.Ratio)} {ComparisonReport.Interval(change.Estimate)} ({size}; {(change.PerProcess ? "moderated t" : "Mann-Whitney")} p = "
            + $"{Number(change.PValue, "0.0000")}, q = {Number(change.QValue, "0.0000")}, "
            + (change.PerProcess
                ? $"{change.A.Processes.Count} and {change.B.Processes.Count} processes{perL})."
                : $"{change.A.NanosecondsPerOperation.Count} and {change.B.NanosecondsPerOperation.Count} iterations{perL}).");
    }

    /// <summary>Two decimals, more below 0.1 so that a ratio of 0.003 does not read 0.00.</summary>
    private static string Ratio(double ratio) => Number(ratio, ratio < 0.1 ? "0.0###" : "0.00");

    /// <summary>".NET 8.0.33 (net8.0)", or the framework alone when the data file does not say.</summary>
    public static string Label(RunResults view) =>
        view.RuntimeVersion is { } version ? $".NET {version} ({view.Framework})" : view.Framework ?? view.Source;

    /// <summary>"Sleep, ThreadPool, N = 1000, K=none, steady" for a reader, from the key.</summary>
    private static string Describe(CaseKey key)
    {
        var others = key.Parameters.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("Strategy=", StringComparison.Ordinal) && !p.StartsWith("N=", StringComparison.Ordinal) && p != "K=none");
        var extra = string.Concat(others.Select(p => $", {p}"));
        return $"{Family(key)} {key.Parameter("Strategy")} N = {key.Parameter("N")}{extra} ({key.Job.ToLowerInvariant()})";
    }

    private static string Family(CaseKey key) => key.Type.EndsWith("Benchmarks", StringComparison.Ordinal) ? key.Type[..^"Benchmarks".Length] : key.Type;

    private static void Groups(StringBuilder md, string heading, RuntimeComparison c, Func<RunComparison, IEnumerable<(string Name, double Ratio)>> members)
    {
        var groups = c.Others.Select(o => members(o).GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => RatioGroup.Of(g.Key, [.. g.Select(m => m.Ratio)]), StringComparer.Ordinal)).ToList();
        var names = groups.SelectMany(g => g.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        md.AppendLine().AppendLine($"## {heading}").AppendLine();
        md.AppendLine($"| Group |{string.Concat(c.Others.Select(o => $" {Label(o.B)}: median (geometric mean, cases) |"))}");
        md.AppendLine($"|---|{string.Concat(c.Others.Select(_ => "---:|"))}");
        foreach (var name in names)
        {
            md.AppendLine($"| {Cell(name)} |{string.Concat(groups.Select(g => g.TryGetValue(name, out var r) ? $" {Number(r.Median, "0.000")} ({Number(r.GeometricMean, "0.000")}, {r.Count}) |" : " - |"))}");
        }
    }
}
