using System.Text.Json;

namespace IoBench.Compare;

/// <summary>
/// The machine-readable summary written beside the markdown (FILE.json for --out FILE.md), for a CI job or a script: the
/// rule, the verdict counts overall and per family, the median ratio per regime, what differed in the settings, and
/// every case that is faster, slower or unknown with its ratio, interval and q.
/// </summary>
public static class ComparisonSummary
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(RunComparison comparison) =>
        JsonSerializer.Serialize(new { Kind = "runs", Comparison = Of(comparison) }, Indented);

    public static string Json(RuntimeComparison comparison) =>
        JsonSerializer.Serialize(
            new
            {
                Kind = "runtimes",
                Run = DisplayPath.Of(comparison.Run.Source),
                Baseline = comparison.Baseline.Framework,
                Runtimes = comparison.Others.Select(Of).ToList(),
                Controls = new
                {
                    Negative = comparison.NegativeControl is { } n ? new { Target = "at most 1% of judged cases faster or slower", Comparison = Of(n) } : null,
                    Positive = comparison.PositiveControl is { } p ? new { Target = "at least 80% of judged cases slower", Comparison = Of(p) } : null,
                },
            },
            Indented);

    /// <summary>The file beside the markdown: comparison.md -> comparison.json.</summary>
    public static string PathBeside(string markdownPath) => Path.ChangeExtension(markdownPath, ".json");

    private static object Of(RunComparison c) => new
    {
        A = DisplayPath.Of(c.A.Source),
        B = DisplayPath.Of(c.B.Source),
        RuntimeA = c.A.RuntimeVersion,
        RuntimeB = c.B.RuntimeVersion,
        c.Rule.Threshold,
        c.Rule.Alpha,
        c.Rule.FalseDiscoveryRate,
        c.PerProcess,
        Tests = new { PerProcess = c.Tests.PerProcess, PerIteration = c.Tests.PerIteration },
        PoolCells = new { Cells = c.PoolCells, NotJudged = c.PoolCellsNotJudged },
        LatencyChanges = c.LatencyChanges.Select(l => new { Family = l.Type, l.DecidedPerLatency, l.Cases, l.Median, l.Min, l.Max }).ToList(),
        Coverage = c.Coverage.Select(f => new { f.Family, f.Cells, f.Inside, f.InsidePercent, f.MedianRelativeWidth, f.StandardDeviation, f.DegreesOfFreedom, f.OnTarget }).ToList(),
        Verdicts = Counts(c.Totals),
        Families = c.VerdictsByType.Select(Counts).ToList(),
        Headline = c.ByRegime.Append(c.Overall).Select(g => new { Regime = g.Name, Cases = g.Count, MedianRatio = g.Median, g.GeometricMean }).ToList(),
        SettingsChecked = c.A.Settings is not null && c.B.Settings is not null,
        SettingsThatDiffer = c.A.Settings is { } a && c.B.Settings is { } b
            ? RunSettings.Differences(a, b).Select(d => new { d.Name, d.A, d.B, d.Refuses }).ToList()
            : [],
        Warnings = ComparisonReport.BenchmarkDotNetWarning(c) is { } w ? new[] { w } : [],
        Changes = c.Cases.Where(k => k.Verdict != Verdict.Same).Select(k => new
        {
            Case = k.Key.ToString(),
            Verdict = k.Verdict.ToString().ToLowerInvariant(),
            k.Ratio,
            k.DecidedPerLatency,
            k.TimeRatio,
            Lower = k.Estimate.Bounded ? k.Estimate.Lower : (double?)null,
            Upper = k.Estimate.Bounded ? k.Estimate.Upper : (double?)null,
            Test = k.PerProcess ? "moderated t on log process medians" : "Mann-Whitney on iterations",
            ProcessesA = k.A.Processes.Count,
            ProcessesB = k.B.Processes.Count,
            k.NotJudgedReason,
            PValue = k.PValue,
            QValue = double.IsNaN(k.QValue) ? (double?)null : k.QValue,
            k.MeanRatio,
        }).ToList(),
    };

    private static object Counts(VerdictCounts v) => new
    {
        v.Name,
        v.Cases,
        v.Faster,
        v.Slower,
        v.Same,
        v.Unknown,
        v.NotJudged,
        v.UnknownPercent,
        WithinThreshold = v.Agree,
    };
}
