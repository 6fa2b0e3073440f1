using System.Globalization;
using IoBench.Core.Theory;
using IoBench.Report.Starvation;

namespace IoBench.Report.Charts;

/// <summary>
/// The pool's thread count through one batch, for one strategy at one N: the cold regime (each process's first batch)
/// and the steady regime (the measured batches) side by side, the pool's default minimum (solid) against the minimum
/// raised to N (dashed), and Task at the same N as the reference that holds no thread. Threads on a log axis (from 1:
/// a default pool grows from 2 to tens while a raised one jumps to N), ms since the batch started on a linear one, so
/// a line's slope is the injection rate.
/// </summary>
internal static class PoolTimelineChart
{
    private const double Left = 78, Top = 40, PanelWidth = 250, Gap = 60, PlotHeight = 440, LegendX = 668;

    private const string DefaultColour = "#d62728", RaisedColour = "#1f77b4", ReferenceColour = "#2ca02c", ScheduleColour = "#555555";

    public static string Render(RunData run, string strategy, int n, IReadOnlyList<LabCase> cases)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"{strategy}, N = {n:N0}: pool threads through one batch");
        var svg = new SvgWriter(FamilyChart.Width, FamilyChart.Height, title);
        var own = cases.Where(c => c.Strategy == strategy && c.N == n).ToList();
        var reference = cases.Where(c => c.Strategy == "Task" && c.N == n).ToList();
        var lines = own.Concat(reference).ToList();
        var peak = Math.Max(10, lines.SelectMany(c => c.Timelines).Select(t => t.PeakThreads).DefaultIfEmpty(1).Max());
        var yMax = Math.Pow(10, Math.Ceiling(Math.Log10(peak)));
        double Y(double threads) => Top + PlotHeight - (PlotHeight * Math.Log10(Math.Max(1, threads)) / Math.Log10(yMax));

        svg.Text(Left, 24, title, size: 16);
        svg.Text(20, Top + (PlotHeight / 2), "pool threads (ThreadPool.ThreadCount, log scale)", "middle", rotate: -90);
        foreach (var (cold, panel) in new[] { (true, 0), (false, 1) })
        {
            var x0 = Left + (panel * (PanelWidth + Gap));
            var inPanel = lines.Where(c => c.Cold == cold).ToList();
            var xMax = NiceCeiling(Math.Max(10, inPanel.SelectMany(c => c.Timelines).Select(t => t.EndMs).DefaultIfEmpty(10).Max()));
            double X(double ms) => x0 + (PanelWidth * Math.Min(ms, xMax) / xMax);

            svg.Rect(x0, Top, PanelWidth, PlotHeight, "#ffffff", "#999999");
            var clip = cold ? "cold" : "steady";
            svg.ClipRect(clip, x0, Top, PanelWidth, PlotHeight);
            for (var decade = 1.0; decade <= yMax * 1.0001; decade *= 10)
            {
                svg.Line(x0, Y(decade), x0 + PanelWidth, Y(decade), "#e4e4e4");
                svg.Text(x0 - 6, Y(decade) + 4, decade.ToString("N0", CultureInfo.InvariantCulture), "end");
            }

            for (var tick = 0; tick <= 4; tick++)
            {
                var ms = xMax * tick / 4;
                svg.Line(X(ms), Top, X(ms), Top + PlotHeight, "#e4e4e4");
                svg.Text(X(ms), Top + PlotHeight + 16, TimeLabel(ms), "middle");
            }

            svg.Text(x0 + (PanelWidth / 2), Top + 14, cold ? "cold: first batch of 3 fresh processes" : "steady: the 5 measured batches", "middle", size: 11);
            svg.Text(x0 + (PanelWidth / 2), Top + PlotHeight + 34, "ms since the batch started", "middle", size: 11);
            foreach (var c in inPanel)
            {
                var colour = c.Strategy == "Task" ? ReferenceColour : c.RaisedMinimum ? RaisedColour : DefaultColour;
                var dash = c.Strategy == "Task" ? "2 3" : c.RaisedMinimum ? "6 4" : null;
                foreach (var timeline in c.Timelines)
                {
                    svg.Polyline(Steps(timeline).Select(p => (X(p.Ms), Y(p.Threads))), colour, 1.6, dash, clip);
                }
            }

            // Where threads block on a task, the pool follows cooperative blocking's schedule: drawn over the measured lines,
            // from the minimum + cores threads it adds at once to the default line's peak, in the cold panel (a fresh pool).
            if (cold && strategy == "SyncOverAsync" && inPanel.FirstOrDefault(c => !c.RaisedMinimum) is { } blocked)
            {
                var cores = run.Environment.Cores;
                var top = blocked.Timelines.Select(t => t.PeakThreads).DefaultIfEmpty(0).Max();
                var schedule = Enumerable.Range(CooperativeBlocking.WithoutDelay(blocked.Minimum, cores), Math.Max(0, top - CooperativeBlocking.WithoutDelay(blocked.Minimum, cores) + 1))
                    .Select(threads => (Ms: CooperativeBlocking.TimeToReach(threads, blocked.Minimum, cores).TotalMilliseconds, Threads: threads))
                    .ToList();
                if (schedule.Count > 1)
                {
                    svg.Polyline(schedule.Select(p => (X(p.Ms), Y(p.Threads))), ScheduleColour, 1.2, "3 3", clip);
                }
            }
        }

        var y = Top + 6;
        void Legend(string label, string colour, string? dash)
        {
            svg.Line(LegendX, y, LegendX + 28, y, colour, 3, dash);
            svg.Text(LegendX + 36, y + 4, label);
            y += 19;
        }

        Legend($"{strategy}, min workers default", DefaultColour, null);
        Legend($"{strategy}, min workers = N", RaisedColour, "6 4");
        if (reference.Count > 0)
        {
            Legend("Task (holds no thread), default", ReferenceColour, "2 3");
        }

        if (strategy == "SyncOverAsync" && own.Any(c => c.Cold && !c.RaisedMinimum))
        {
            Legend("cooperative blocking's schedule", ScheduleColour, "3 3");
        }

        y += 10;
        foreach (var c in own)
        {
            svg.Text(LegendX, y, string.Create(CultureInfo.InvariantCulture, $"{(c.RaisedMinimum ? "min = N" : "default")}, {c.Regime}: {Rate(c)}"), size: 11);
            y += 16;
        }

        var environment = run.Environment;
        svg.Text(Left, FamilyChart.Height - 44, string.Create(CultureInfo.InvariantCulture, $"{environment.Cpu}, {environment.Cores} cores, {environment.Os}; {environment.Runtimes.FirstOrDefault() ?? "runtime not reported"}; L = {environment.Settings.GetValueOrDefault("IOBENCH_LATENCY_MS", "?")} ms."), size: 11, colour: "#444444");
        svg.Text(Left, FamilyChart.Height - 28, string.Create(CultureInfo.InvariantCulture, $"ThreadPool.ThreadCount read every {PoolTimeline.SampleIntervalMs} ms from a dedicated thread; one line per batch. Legend: threads injected beyond the minimum, per second (medians)."), size: 11, colour: "#444444");
        svg.Text(Left, FamilyChart.Height - 12, strategy == "SyncOverAsync"
            ? "Each panel has its own time axis. Grey dots: the schedule the runtime's cooperative-blocking defaults predict (cold, default minimum)."
            : "Each panel has its own time axis: a raised minimum's batch lasts about L, a default pool's the seconds it takes to grow.", size: 11, colour: "#444444");
        return svg.ToString();
    }

    private static string Rate(LabCase c)
    {
        var added = LabCase.Median(c.Injections.Select(i => (double)i.ThreadsAdded)) ?? 0;
        return c.ThreadsPerSecond is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $"+{added:0.#} beyond min {c.Minimum}, {rate.ToString(rate >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture)}/s")
            : string.Create(CultureInfo.InvariantCulture, $"none beyond min {c.Minimum:N0}");
    }

    /// <summary>A step line: the count holds until the reading that saw it change.</summary>
    private static IEnumerable<(double Ms, int Threads)> Steps(PoolTimeline timeline)
    {
        for (var i = 0; i < timeline.Samples.Count; i++)
        {
            if (i > 0)
            {
                yield return (timeline.Samples[i].Ms, timeline.Samples[i - 1].Threads);
            }

            yield return (timeline.Samples[i].Ms, timeline.Samples[i].Threads);
        }
    }

    private static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(v => v >= value);
    }

    private static string TimeLabel(double ms) =>
        ms >= 1000 ? (ms / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " s" : ms.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
