using System.Globalization;
using IoBench.Core.Strategies;
using IoBench.Report.Starvation;

namespace IoBench.Report.Charts;

/// <summary>
/// One steady process's batches from its first, burst by burst: the warm-up bursts, then the measured batches; batch
/// time (left) and the pool's threads after the burst (right), one line per blocking strategy at its largest N, the
/// default minimum solid with filled markers for measured batches, the minimum raised to N dashed. The first burst
/// meets the process's fresh pool; every later one starts with the threads the earlier ones made the pool add.
/// </summary>
internal static class BurstChart
{
    public const string FileName = "chart-starvation-bursts.svg";

    /// <summary>The most bursts a line shows: a longer warm-up keeps its first bursts and its 5 measured batches.</summary>
    public const int MaxBursts = 24;

    private const double Left = 78, Top = 40, PanelWidth = 250, Gap = 60, PlotHeight = 440, LegendX = 668;

    public static string Render(RunData run, IReadOnlyList<LabCase> cases)
    {
        const string title = "Burst by burst: one steady process from its first batch";
        var svg = new SvgWriter(FamilyChart.Width, FamilyChart.Height, title);
        var series = cases.Where(c => !c.Cold && StarvationLab.BlockingStrategies.Contains(c.Strategy))
            .GroupBy(c => (c.Strategy, c.RaisedMinimum))
            .Select(g => g.MaxBy(c => c.N)!)
            .Select(c => (Case: c, Points: c.Bursts().ToList()))
            .Where(s => s.Points.Count > 0)
            .ToList();
        var count = Math.Max(2, series.Select(s => s.Points.Count).DefaultIfEmpty(2).Max());
        if (count > MaxBursts)
        {
            // A raised minimum settles only after dozens of short bursts: its first ones and its measured ones tell the story.
            series = [.. series.Select(s => (s.Case, s.Points.Count <= MaxBursts ? s.Points : s.Points.Take(MaxBursts - 5).Concat(s.Points.TakeLast(5)).ToList()))];
            count = MaxBursts;
        }

        svg.Text(Left, 24, title, size: 16);
        var panels = new (string Label, Func<(string Label, double Ms, int ThreadsAfter, bool Measured), double> Value, string Unit)[]
        {
            ("batch time (log scale)", p => p.Ms, "ms"),
            ("pool threads after the burst (log scale)", p => p.ThreadsAfter, "threads"),
        };
        for (var panel = 0; panel < panels.Length; panel++)
        {
            var (label, value, unit) = panels[panel];
            var x0 = Left + (panel * (PanelWidth + Gap));
            var values = series.SelectMany(s => s.Points.Select(value)).Where(v => v > 0).DefaultIfEmpty(1).ToList();
            var yMin = Math.Pow(10, Math.Floor(Math.Log10(values.Min())));
            var yMax = Math.Pow(10, Math.Ceiling(Math.Log10(values.Max() * 1.0001)));
            if (yMax <= yMin)
            {
                yMax = yMin * 10;
            }

            double X(int i) => x0 + (PanelWidth * (i + 0.5) / count);
            double Y(double v) => Top + PlotHeight - (PlotHeight * Math.Log10(Math.Max(v, yMin) / yMin) / Math.Log10(yMax / yMin));

            svg.Rect(x0, Top, PanelWidth, PlotHeight, "#ffffff", "#999999");
            for (var decade = yMin; decade <= yMax * 1.0001; decade *= 10)
            {
                svg.Line(x0, Y(decade), x0 + PanelWidth, Y(decade), "#e4e4e4");
                svg.Text(x0 - 6, Y(decade) + 4, unit == "ms" ? TimeLabel(decade) : decade.ToString("N0", CultureInfo.InvariantCulture), "end");
            }

            var step = count > 12 ? 5 : 1;
            for (var i = 0; i < count; i++)
            {
                if (i == 0 || (i + 1) % step == 0)
                {
                    svg.Text(X(i), Top + PlotHeight + 16, (i + 1).ToString(CultureInfo.InvariantCulture), "middle", size: 10);
                }
            }

            svg.Text(x0 + (PanelWidth / 2), Top + 14, label, "middle", size: 11);
            svg.Text(x0 + (PanelWidth / 2), Top + PlotHeight + 34, "burst (warm-up, then measured)", "middle", size: 11);
            foreach (var (c, points) in series)
            {
                var colour = Colour(c);
                svg.Polyline(points.Select((p, i) => (X(i), Y(value(p)))), colour, 2, c.RaisedMinimum ? "6 4" : null);
                for (var i = 0; i < points.Count; i++)
                {
                    svg.Marker(X(i), Y(value(points[i])), colour, points[i].Measured, square: false);
                }
            }
        }

        var y = Top + 6;
        foreach (var (c, _) in series)
        {
            var colour = Colour(c);
            var dash = c.RaisedMinimum ? "6 4" : null;
            svg.Line(LegendX, y, LegendX + 28, y, colour, 3, dash);
            svg.Text(LegendX + 36, y + 4, string.Create(CultureInfo.InvariantCulture, $"{c.Strategy}, N = {c.N:N0}, min {(c.RaisedMinimum ? "= N" : "default")}"));
            y += 19;
        }

        var environment = run.Environment;
        svg.Text(Left, FamilyChart.Height - 44, string.Create(CultureInfo.InvariantCulture, $"{environment.Cpu}, {environment.Cores} cores, {environment.Os}; {environment.Runtimes.FirstOrDefault() ?? "runtime not reported"}; L = {environment.Settings.GetValueOrDefault("IOBENCH_LATENCY_MS", "?")} ms."), size: 11, colour: "#444444");
        svg.Text(Left, FamilyChart.Height - 28, string.Create(CultureInfo.InvariantCulture, $"Hollow: warm-up bursts (until the pool settled or the budget ran out); filled: the 5 measured batches. Over {MaxBursts} bursts: the first {MaxBursts - 5} and the measured."), size: 11, colour: "#444444");
        svg.Text(Left, FamilyChart.Height - 12, "Burst 1 meets the process's fresh pool; each later burst starts with the threads the earlier ones made it add.", size: 11, colour: "#444444");
        return svg.ToString();
    }

    private static string Colour(LabCase c) =>
        FamilyChart.Palette[(Enum.TryParse<StrategyKind>(c.Strategy, out var kind) ? (int)kind : 0) % FamilyChart.Palette.Length];

    private static string TimeLabel(double ms) =>
        ms >= 1000 ? (ms / 1000).ToString("0.###", CultureInfo.InvariantCulture) + " s" : ms.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
