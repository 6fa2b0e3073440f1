using System.Globalization;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Report.Charts;

/// <summary>
/// One workload configuration's chart: batch time against N on log-log axes, one line per strategy row (steady: solid
/// line, filled markers; cold: dashed line, hollow markers), the laws as grey reference lines (N×L, max(L), and where
/// they apply ceil(N/K)×L for each K, pool or connection limit and ceil(N/cores)×L for CPU-bound work), a legend, axis
/// labels with units and the run's environment in a caption.
/// </summary>
internal static class FamilyChart
{
    public const int Width = 960;
    public const int Height = 600;

    private const double Left = 78, Top = 40, PlotWidth = 560, PlotHeight = 440, LegendX = 668;

    /// <summary>One colour per strategy, fixed by its declared order, so a strategy looks the same in every chart.</summary>
    internal static readonly string[] Palette =
        ["#1f77b4", "#17becf", "#2ca02c", "#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#393b79", "#7f7f7f", "#a50f15",
         "#c51b8a", "#1b9e77", "#d4a000"];

    // The legend's line spacing, and the lowest a legend may reach: above the caption's first line.
    private const double LegendStep = 19, LegendBottom = Height - 60;

    private const string Reference = "#555555";

    public static string Render(ReportFamily family)
    {
        var svg = new SvgWriter(Width, Height, $"{family.Title}: batch time against N");
        var series = Series(family).ToList();
        var references = References(family).ToList();
        var ns = family.Ops.Concat(series.SelectMany(s => s.Points.Select(p => p.N))).Where(n => n > 0).ToList();
        double nMin = ns.Count == 0 ? 1 : ns.Min(), nMax = ns.Count == 0 ? 10 : ns.Max();
        if (nMax <= nMin)
        {
            nMax = nMin * 10;
        }

        var times = series.SelectMany(s => s.Points.Select(p => p.Ms)).Concat(references.SelectMany(r => r.Points.Select(p => p.Ms))).Where(t => t > 0).ToList();
        var yMin = Math.Pow(10, Math.Floor(Math.Log10(times.Count == 0 ? 1 : times.Min())));
        var yMax = Math.Pow(10, Math.Ceiling(Math.Log10(times.Count == 0 ? 10 : times.Max())));
        if (yMax <= yMin)
        {
            yMax = yMin * 10;
        }

        double X(double n) => Left + (PlotWidth * Math.Log10(n / nMin) / Math.Log10(nMax / nMin));
        double Y(double ms) => Top + PlotHeight - (PlotHeight * Math.Log10(ms / yMin) / Math.Log10(yMax / yMin));

        svg.Text(Left, 24, $"{family.Title}: batch time against N (log-log)", size: 16);
        svg.Rect(Left, Top, PlotWidth, PlotHeight, "#ffffff", "#999999");
        svg.ClipRect("plot", Left, Top, PlotWidth, PlotHeight);
        for (var decade = yMin; decade <= yMax * 1.0001; decade *= 10)
        {
            svg.Line(Left, Y(decade), Left + PlotWidth, Y(decade), "#e4e4e4");
            svg.Text(Left - 6, Y(decade) + 4, TimeLabel(decade), "end");
        }

        foreach (var n in family.Ops.Where(n => n > 0))
        {
            svg.Line(X(n), Top, X(n), Top + PlotHeight, "#e4e4e4");
            svg.Text(X(n), Top + PlotHeight + 16, n.ToString("N0", CultureInfo.InvariantCulture), "middle");
        }

        svg.Text(Left + (PlotWidth / 2), Top + PlotHeight + 36, "N (operations per batch, log scale)", "middle");
        svg.Text(20, Top + (PlotHeight / 2), "batch time: Mean of the measured batches (log scale)", "middle", rotate: -90);

        var legend = new List<(string Label, string Colour, string? Dash, bool? Filled, bool Square)>();
        foreach (var reference in references)
        {
            svg.Polyline(reference.Points.Select(p => (X(p.N), Y(p.Ms))), Reference, 1.2, reference.Dash, "plot");
            legend.Add((reference.Label, Reference, reference.Dash, null, false));
        }

        foreach (var line in series)
        {
            var dash = line.Cold ? "6 4" : null;
            svg.Polyline(line.Points.Select(p => (X(p.N), Y(p.Ms))), line.Colour, 2, dash, "plot");
            foreach (var point in line.Points)
            {
                svg.Marker(X(point.N), Y(point.Ms), line.Colour, !line.Cold, line.Row.K != 0);
            }

            legend.Add((ReportFamily.Label(line.Row) + (line.Cold ? ", cold" : string.Empty), line.Colour, dash, !line.Cold, line.Row.K != 0));
        }

        // Fifteen strategies, their cold rows and K rows and the laws can outgrow the plot's height (FileWrite: 27 entries in
        // v5, 30 with the Parallel strategies): a long legend closes up rather than run into the caption.
        var step = Math.Min(LegendStep, (LegendBottom - (Top + 6)) / Math.Max(1, legend.Count - 1));
        var y = Top + 6;
        foreach (var (label, colour, dash, filled, square) in legend)
        {
            svg.Line(LegendX, y, LegendX + 28, y, colour, filled is null ? 1.2 : 3, dash);
            if (filled is { } isFilled)
            {
                svg.Marker(LegendX + 14, y, colour, isFilled, square);
            }

            svg.Text(LegendX + 36, y + 4, label, size: step < LegendStep ? 11 : 12);
            y += step;
        }

        var caption = Caption(family);
        svg.Text(Left, Height - 44, caption[0], size: 11, colour: "#444444");
        svg.Text(Left, Height - 28, caption[1], size: 11, colour: "#444444");
        svg.Text(Left, Height - 12, "Steady: solid lines, filled markers. Cold (first batch of each fresh process, their mean): dashed, hollow. Square markers: a row with a limit K.", size: 11, colour: "#444444");
        if (RunSupport.IsQuick(family.Run))
        {
            // Last, over the plot: the chart travels without its report.
            svg.Text(Left + 8, Top + 18, RunSupport.ChartBanner, size: 12, colour: "#a50f15");
        }

        return svg.ToString();
    }

    private static string[] Caption(ReportFamily family)
    {
        var environment = family.Run.Environment;
        var runtime = environment.Runtimes.FirstOrDefault() is { } r && r.IndexOf(',', StringComparison.Ordinal) is var comma and > 0 ? r[..comma] : environment.Runtimes.FirstOrDefault() ?? "runtime not reported";
        var latency = string.Create(CultureInfo.InvariantCulture, $"L = {MarkdownReport.Milliseconds(family.BlockingL)} blocking{(family.BlockingLIsNominal ? " (nominal)" : " (median)")}");
        if (family.Async is { } async)
        {
            latency += string.Create(CultureInfo.InvariantCulture, $", {MarkdownReport.Milliseconds(ReportFamily.Milliseconds(async.MedianMs))} async (median)");
        }

        return
        [
            string.Create(CultureInfo.InvariantCulture, $"{environment.Cpu}, {environment.Cores} cores, {environment.Os}; {runtime}; BenchmarkDotNet {environment.BenchmarkDotNet}; min worker threads {environment.MinWorkerThreads?.ToString(CultureInfo.InvariantCulture) ?? "not reported"}."),
            latency + ". Reference lines (grey) use the blocking L.",
        ];
    }

    private sealed record Line(RowData Row, bool Cold, string Colour, IReadOnlyList<(int N, double Ms)> Points);

    private sealed record ReferenceLine(string Label, string? Dash, IReadOnlyList<(double N, double Ms)> Points);

    private static IEnumerable<Line> Series(ReportFamily family)
    {
        foreach (var row in family.Rows)
        {
            var colour = Palette[(Enum.TryParse<StrategyKind>(row.Strategy, out var kind) ? (int)kind : family.Rows.ToList().IndexOf(row)) % Palette.Length];
            foreach (var cold in new[] { false, true })
            {
                var points = family.Ops
                    .Select(n => cold ? family.Cold(row, n) : family.Steady(row, n))
                    .Where(c => c is { Success: true, MeanMs: > 0 })
                    .Select(c => (c!.N, c.MeanMs!.Value))
                    .ToList();
                if (points.Count > 0)
                {
                    yield return new Line(row, cold, colour, points);
                }
            }
        }
    }

    /// <summary>The laws over the N range, sampled densely enough on the log axis to show ceil's steps.</summary>
    private static IEnumerable<ReferenceLine> References(ReportFamily family)
    {
        var ops = family.Ops.Where(n => n > 0).ToList();
        if (ops.Count == 0)
        {
            yield break;
        }

        var l = family.BlockingL;
        var grid = Grid(ops.Min(), Math.Max(ops.Max(), ops.Min() * 10));
        yield return new ReferenceLine("N×L", null, [.. grid.Select(n => ((double)n, Bounds.Sequential(n, l).TotalMilliseconds))]);
        yield return new ReferenceLine("max(L)", "2 3", [(grid[0], l.TotalMilliseconds), (grid[^1], l.TotalMilliseconds)]);
        foreach (var (name, limit) in Limits(family))
        {
            yield return new ReferenceLine(string.Create(CultureInfo.InvariantCulture, $"ceil(N/{name})×L, {name} = {limit}"), "8 3 2 3", [.. grid.Select(n => ((double)n, Bounds.Limited(n, limit, l).TotalMilliseconds))]);
        }

        // CPU-bound work, or a measured strategy whose own limit is the cores (Parallel.ForEachAsync's default degree) whatever the work.
        if (family.Traits.Contains("CpuBound") || family.Cases.Any(c => c is { Success: true, K: 0 } && Enum.TryParse<StrategyKind>(c.Strategy, out var kind) && Strategy.LimitIsCores(kind)))
        {
            var cores = family.Run.Environment.Cores;
            yield return new ReferenceLine(string.Create(CultureInfo.InvariantCulture, $"ceil(N/cores)×L, cores = {cores}"), "12 4", [.. grid.Select(n => ((double)n, Bounds.CoreBound(n, cores, l).TotalMilliseconds))]);
        }
    }

    /// <summary>The limits that bind somewhere in this family: each K row's K, a numeric Pool (P) or Connections (C).</summary>
    private static IEnumerable<(string Name, int Limit)> Limits(ReportFamily family)
    {
        foreach (var k in family.Rows.Select(r => r.K).Where(k => k > 0).Distinct().Order())
        {
            yield return ("K", k);
        }

        foreach (var (parameter, name) in new[] { ("Pool", "P"), ("Connections", "C") })
        {
            if (family.Parameters.TryGetValue(parameter, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0)
            {
                yield return (name, limit);
            }
        }
    }

    private static int[] Grid(int from, int to)
    {
        var points = new SortedSet<int>();
        for (var i = 0; i <= 96; i++)
        {
            points.Add((int)Math.Round(from * Math.Pow((double)to / from, i / 96.0)));
        }

        return [.. points];
    }

    private static string TimeLabel(double ms) =>
        ms >= 1000 ? (ms / 1000).ToString("0.###", CultureInfo.InvariantCulture) + " s" : ms.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
