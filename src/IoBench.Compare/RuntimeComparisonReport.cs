using System.Text;
using static IoBench.Compare.MarkdownText;

namespace IoBench.Compare;

/// <summary>
/// A comparison run as markdown: the runtimes with the versions their processes read, the rules, per runtime the verdict
/// counts and the geometric mean of its ratios to the baseline (overall, per workload, per strategy, per regime), the
/// largest significant changes in sentences, and every case on every runtime.
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
        md.AppendLine($"- **Run**: `{c.Run.Source}` ({c.Run.Cases.Count} measured cases from {reports}): {c.Run.Environment.Describe()}");
        md.AppendLine($"- **Baseline**: {Label(c.Baseline)}; compared with it: {string.Join(", ", c.Others.Select(o => Label(o.B)))}. Each runtime's version "
            + "is the one its benchmark processes read (`Environment.Version`, in iobench-data.json), not the job's name.").AppendLine();
        md.AppendLine($"Ratios are the runtime's mean over the baseline's, of the nanoseconds per operation of the measured iterations "
            + $"(BenchmarkDotNet's Workload/Actual): below 1 the runtime is faster. Each regime is compared with itself: a steady case "
            + $"with the baseline's steady case, a cold one with the baseline's cold one. **Verdict**: two-sided Mann-Whitney U test over "
            + $"the iterations (exact up to {MannWhitneyTest.ExactLimit} iterations a side, ties by midranks; else normal approximation) at α = {Number(c.Alpha, "0.###")}, with a "
            + $"{Percent(c.Threshold * 100)} threshold: *same* when p ≥ α or |ratio − 1| < {Percent(c.Threshold * 100)}, else "
            + "*faster* or *slower*. A geometric mean of ratios is exp(mean(log ratio)) over every case of the group, significant "
            + "or not: 1.00 is no change. **Per L**: each side in units of its own runtime's L (Mean/L, L from the data file: "
            + "sampled around every batch for the device-decided families, FileWrite, SqliteWrite and the short PostgreSQL ones, whose "
            + "fsync or commit can take twice as long from one minute to the next on this machine; a change in the raw ratio with the "
            + "per-L ratio near 1 is the device's, or the driver's per-operation cost, not the strategy's).").AppendLine();

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine("| Runtime | Cases | Faster | Slower | Same | Geometric mean of ratios |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var o in c.Others)
        {
            md.AppendLine($"| {Label(o.B)} vs {Label(o.A)} | {o.Cases.Count} | {o.Count(Verdict.Faster)} | {o.Count(Verdict.Slower)} | {o.Count(Verdict.Same)} | {Number(o.Overall.GeometricMean, "0.000")} |");
        }

        md.AppendLine().AppendLine("## Largest significant changes").AppendLine();
        var changes = c.SignificantChanges;
        if (changes.Count == 0)
        {
            md.AppendLine($"No case changed significantly (p < {Number(c.Alpha, "0.###")} and by {Percent(c.Threshold * 100)} or more) on any runtime.");
        }

        foreach (var (runtime, change) in changes.Take(Sentences))
        {
            md.AppendLine($"- {Sentence(runtime, change)}");
        }

        if (changes.Count > Sentences)
        {
            md.AppendLine($"- ... and {changes.Count - Sentences} more significant changes in the table of every case below.");
        }

        Groups(md, "Geometric mean of ratios per workload and regime", c, o => o.Cases.Select(k => (Name: $"{Family(k.Key)} ({k.Key.Job.ToLowerInvariant()})", k.MeanRatio)));
        Groups(md, "Geometric mean of ratios per strategy", c, o => o.Cases.Select(k => (Name: k.Key.Parameter("Strategy") ?? "(none)", k.MeanRatio)));
        Groups(md, "Geometric mean of ratios per regime", c, o => o.Cases.Select(k => (Name: k.Key.Job, k.MeanRatio)));

        md.AppendLine().AppendLine("## Every case").AppendLine();
        md.Append($"| Case | {Label(c.Baseline)} |");
        var separator = new StringBuilder("|---|---:|");
        foreach (var o in c.Others)
        {
            md.Append($" {Label(o.B)} | Ratio | Per L | p | Verdict |");
            separator.Append("---:|---:|---:|---:|---|");
        }

        md.AppendLine().AppendLine(separator.ToString());
        var byRuntime = c.Others.Select(o => o.Cases.ToDictionary(k => k.Key)).ToList();
        foreach (var key in c.Keys)
        {
            md.Append($"| {Cell(key.ToString())} | {(c.Baseline.Cases.TryGetValue(key, out var a) ? DurationText.Format(a.Mean) : "not measured")} |");
            for (var i = 0; i < c.Others.Count; i++)
            {
                if (byRuntime[i].TryGetValue(key, out var row))
                {
                    var verdict = row.Verdict == Verdict.Same ? "same" : $"**{row.Verdict.ToString().ToLowerInvariant()}**";
                    md.Append($" {DurationText.Format(row.B.Mean)} | {Ratio(row.MeanRatio)} | {(row.PerLatencyRatio is { } l ? Ratio(l) : "-")} | {Number(row.Test.PValue, "0.0000")} | {verdict} |");
                }
                else
                {
                    var measured = c.Others[i].B.Cases.TryGetValue(key, out var b) ? DurationText.Format(b.Mean) : "not measured";
                    md.Append($" {measured} | - | - | - | - |");
                }
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    /// <summary>One sentence with its figures: which case, how long on each runtime, the ratio and the test's p.</summary>
    public static string Sentence(RunComparison runtime, CaseComparison change)
    {
        var direction = change.Verdict == Verdict.Faster ? "faster" : "slower";
        var size = change.MeanRatio switch
        {
            < 0.5 => $"{Number(1 / change.MeanRatio, "0.#")} times {direction}",
            > 2 => $"{Number(change.MeanRatio, "0.#")} times {direction}",
            var r => $"{Number(Math.Abs(r - 1) * 100, "0")}% {direction}",
        };
        var perL = change.PerLatencyRatio is { } l ? $"; in units of each runtime's own L, {Ratio(l)}" : string.Empty;
        return $"{Describe(change.Key)}: {DurationText.Format(change.A.Mean)} on {Label(runtime.A)}, {DurationText.Format(change.B.Mean)} on "
            + $"{Label(runtime.B)}, ratio {Ratio(change.MeanRatio)} ({size}; Mann-Whitney p = {Number(change.Test.PValue, "0.0000")}, "
            + $"{change.A.NanosecondsPerOperation.Count} and {change.B.NanosecondsPerOperation.Count} iterations{perL}).";
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
        md.AppendLine($"| Group |{string.Concat(c.Others.Select(o => $" {Label(o.B)} (cases) |"))}");
        md.AppendLine($"|---|{string.Concat(c.Others.Select(_ => "---:|"))}");
        foreach (var name in names)
        {
            md.AppendLine($"| {Cell(name)} |{string.Concat(groups.Select(g => g.TryGetValue(name, out var r) ? $" {Number(r.GeometricMean, "0.000")} ({r.Count}) |" : " - |"))}");
        }
    }
}
