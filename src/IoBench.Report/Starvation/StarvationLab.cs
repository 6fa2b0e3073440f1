using System.Globalization;
using System.Text;
using IoBench.Core.Theory;
using IoBench.Report.Charts;

namespace IoBench.Report.Starvation;

/// <summary>
/// The starvation lab's report (starvation-lab.md), a pure function of the data file: batch times with the pool's default
/// minimum and with it raised to N, cold and steady; the injection rate read from each batch's timeline; one steady
/// process's batches burst by burst; why SyncOverAsync gets threads faster than ThreadPool, with this run's figures;
/// and its charts (<see cref="PoolTimelineChart"/>, <see cref="BurstChart"/>).
/// </summary>
internal static class StarvationLab
{
    public const string FileName = "starvation-lab.md";

    /// <summary>The strategies whose timelines get a chart: those that block a pool thread while they wait.</summary>
    public static readonly string[] BlockingStrategies = ["ThreadPool", "TaskRun", "SyncOverAsync"];

    /// <summary>The lab's files, or none for a run without the lab.</summary>
    public static IEnumerable<(string FileName, string Text)> Render(RunData run)
    {
        var cases = LabCase.Of(run);
        if (cases.Count == 0)
        {
            yield break;
        }

        var charts = TimelineCharts(cases).ToList();
        yield return (FileName, Markdown(run, cases, charts.Select(c => c.FileName).ToList()));
        foreach (var (fileName, strategy, n) in charts)
        {
            yield return (fileName, PoolTimelineChart.Render(run, strategy, n, cases));
        }

        yield return (BurstChart.FileName, BurstChart.Render(run, cases));
    }

    /// <summary>One timeline chart per blocking strategy and N of 100 or more that ran.</summary>
    private static IEnumerable<(string FileName, string Strategy, int N)> TimelineCharts(IReadOnlyList<LabCase> cases) =>
        cases.Where(c => BlockingStrategies.Contains(c.Strategy) && c.N >= 100)
            .Select(c => (c.Strategy, c.N)).Distinct()
            .Select(x => (string.Create(CultureInfo.InvariantCulture, $"chart-starvation-timeline-{x.Strategy.ToLowerInvariant()}-n{x.N}.svg"), x.Strategy, x.N));

    private static string Markdown(RunData run, IReadOnlyList<LabCase> cases, IReadOnlyList<string> charts)
    {
        var text = new StringBuilder();
        var environment = run.Environment;
        text.AppendLine("# The thread-pool starvation lab").AppendLine();
        text.AppendLine("Strategies that block a pool thread per operation (`ThreadPool`, `TaskRun`: Thread.Sleep(L); `SyncOverAsync`: Task.Delay(L) waited with GetAwaiter().GetResult()) and `Task` (Task.Delay, no thread held) at N operations of L, with the pool's **default** minimum of worker threads and with the minimum raised to **N** (ThreadPool.SetMinThreads(N, ...) before the process's first batch).");
        text.AppendLine("Cold: the first batch of a fresh process (three processes). Steady: five batches after warm-up bursts (until the pool's thread count settled, or the warm-up budget ran out).");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Every measured batch carries ThreadPool.ThreadCount sampled every {PoolTimeline.SampleIntervalMs} ms from a dedicated thread (not a pool thread, so sampling cannot starve); the data file keeps each batch's changes."));
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{environment.Cpu}, {environment.Cores} cores, {environment.Os}; {string.Join("; ", environment.Runtimes)}; BenchmarkDotNet {environment.BenchmarkDotNet}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"L = {environment.Settings.GetValueOrDefault("IOBENCH_LATENCY_MS", "?")} ms; run time {(environment.RunTimeS is { } s ? s.ToString("0", CultureInfo.InvariantCulture) + " s" : "not reported")} (BenchmarkDotNet's, without the build)"));
        text.AppendLine("```").AppendLine();

        AppendBatchTimes(text, run, cases);
        AppendInjection(text, cases);
        AppendBursts(text, cases);
        AppendWhy(text, cases, run.Environment.Cores);
        text.AppendLine("## Charts").AppendLine();
        foreach (var chart in charts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"![pool threads through one batch]({chart})").AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"![batch time and pool threads burst by burst]({BurstChart.FileName})");
        return text.ToString();
    }

    private static void AppendBatchTimes(StringBuilder text, RunData run, IReadOnlyList<LabCase> cases)
    {
        text.AppendLine("## Batch time").AppendLine();
        text.AppendLine("Median of the measured batches [min–max]; pool threads when the first measured batch started → when the last one ended.").AppendLine();
        text.AppendLine("| Strategy | N | Min workers | Cold (3 processes) | Pool, cold | Steady (5 batches) | Pool, steady |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var row in cases.GroupBy(c => (c.Strategy, c.N, c.RaisedMinimum)))
        {
            var cold = row.FirstOrDefault(c => c.Cold);
            var steady = row.FirstOrDefault(c => !c.Cold);
            var label = (steady ?? cold)!.MinimumLabel;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Key.Strategy} | {row.Key.N:N0} | {label} | {Batch(cold)} | {Pool(cold)} | {Batch(steady)} | {Pool(steady)} |");
        }

        var notRun = (run.Families ?? []).Where(f => f.Workload == "Starvation")
            .SelectMany(f => f.NotRun.Select(n => (Minimum: f.Parameters.GetValueOrDefault(LabCase.MinimumParameter, "?"), n)))
            .Where(x => x.n.N > 1)
            .ToList();
        if (notRun.Count > 0)
        {
            text.AppendLine().AppendLine("Not run:").AppendLine();
            foreach (var (minimum, cell) in notRun)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {cell.Strategy} N = {cell.N:N0}, min workers {minimum}: {cell.Reason}");
            }
        }

        text.AppendLine();
    }

    private static string Batch(LabCase? c) =>
        c is null ? "–" : LabCase.Median(c.Data.IterationsMs) is { } median
            ? string.Create(CultureInfo.InvariantCulture, $"{Ms(median)} [{Ms(c.Data.IterationsMs.Min())}–{Ms(c.Data.IterationsMs.Max())}]")
            : "failed";

    private static string Pool(LabCase? c) => c?.Data.PoolStart is { } start && c.Data.PoolEnd is { } end ? $"{start}→{end}" : "–";

    private static void AppendInjection(StringBuilder text, IReadOnlyList<LabCase> cases)
    {
        text.AppendLine("## Injection rate").AppendLine();
        text.AppendLine("From each batch's timeline: threads at its start → its peak and the time to the peak; then injection, the threads the pool added beyond its minimum of worker threads (up to the minimum it creates them on demand without delay; a fresh process starts with none): how many, per second over the batch (from the first reading at the minimum to the batch's end: the blocked work asked for threads all along), and the median time between two readings that saw the count rise. Median over the case's batches (injection: over those that injected); \"none\" where no batch injected a thread.").AppendLine();
        text.AppendLine("| Strategy | N | Min workers | Regime | Threads (start → peak) | Time to peak | Injected | Injected per second | Interval between additions |");
        text.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|");
        foreach (var c in cases)
        {
            var start = LabCase.Median(c.Timelines.Select(t => (double)t.StartThreads));
            var peak = LabCase.Median(c.Timelines.Select(t => (double)t.PeakThreads));
            var toPeak = LabCase.Median(c.Timelines.Select(t => t.PeakMs).OfType<double>());
            var injected = LabCase.Median(c.Injections.Select(i => (double)i.ThreadsAdded));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {c.Strategy} | {c.N:N0} | {c.MinimumLabel} | {c.Regime} | {Count(start)} → {Count(peak)} | {(toPeak is { } p ? Ms(p) : "–")} | {(injected is { } added ? Count(added) : "none")} | {(c.ThreadsPerSecond is { } rate ? Rate(rate) : "none")} | {(c.MedianIntervalMs is { } i ? Ms(i) : "–")} |");
        }

        text.AppendLine();
    }

    private static void AppendBursts(StringBuilder text, IReadOnlyList<LabCase> cases)
    {
        text.AppendLine("## Burst by burst").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"One steady process per case from its first batch: the warm-up bursts (w1, w2, ...; w1 meets the process's fresh pool), then the measured batches (m1 ... m5). Each: batch time (pool threads after it). A process that warmed for more than {MaxBurstsShown} bursts shows its first {MaxBurstsShown - 5} and its measured ones (the data file has them all).").AppendLine();
        text.AppendLine("| Strategy | N | Min workers | Batches |");
        text.AppendLine("|---|---:|---|---|");
        foreach (var c in cases.Where(c => !c.Cold && c.N >= 100 && StarvationLab.BlockingStrategies.Contains(c.Strategy)))
        {
            var all = c.Bursts().ToList();
            var shown = all.Count <= MaxBurstsShown ? all : all.Take(MaxBurstsShown - 5).Concat(all.TakeLast(5)).ToList();
            var parts = shown.Select(b => $"{b.Label} {Ms(b.Ms)} ({b.ThreadsAfter})").ToList();
            if (all.Count > MaxBurstsShown)
            {
                parts.Insert(MaxBurstsShown - 5, string.Create(CultureInfo.InvariantCulture, $"… {all.Count - MaxBurstsShown} more warm-up bursts …"));
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"| {c.Strategy} | {c.N:N0} | {c.MinimumLabel} | {string.Join(" · ", parts)} |");
        }

        text.AppendLine();
    }

    /// <summary>The mechanism, with this run's rates: each blocking strategy's cold first batches on the default minimum.</summary>
    private static void AppendWhy(StringBuilder text, IReadOnlyList<LabCase> cases, int cores)
    {
        text.AppendLine("## Why SyncOverAsync gets threads faster than ThreadPool").AppendLine();
        var cold = cases.Where(c => c.Cold && !c.RaisedMinimum && c.N >= 100 && BlockingStrategies.Contains(c.Strategy)).ToList();
        if (cold.Count > 0)
        {
            text.AppendLine("The first batch of a fresh process on the default minimum (medians of three processes):").AppendLine();
            foreach (var c in cold)
            {
                var injected = LabCase.Median(c.Injections.Select(i => (double)i.ThreadsAdded));
                text.AppendLine(CultureInfo.InvariantCulture, $"- `{c.Strategy}` N = {c.N:N0}: {Ms(LabCase.Median(c.Data.IterationsMs))}; the pool injected {(injected is { } added ? Count(added) + (added == 1 ? " thread" : " threads") : "no thread")} beyond its minimum of {c.Minimum}, {Rate(c.ThreadsPerSecond)}, one every {Ms(c.MedianIntervalMs)} (peak {Count(LabCase.Median(c.Timelines.Select(t => (double)t.PeakThreads)))}).");
            }

            text.AppendLine();
        }

        text.AppendLine("A pool thread that blocks in Task.Wait / GetAwaiter().GetResult() on an unfinished task tells the pool so (`ThreadPool.NotifyThreadBlocked`, \"cooperative blocking\" in dotnet/runtime's PortableThreadPool.Blocking.cs): the pool raises its thread goal to min + blocked threads, adds up to cores threads beyond the minimum at once, then one thread after a delay of 25 ms per cores threads added so far, at most 250 ms (about 4 threads a second from 22 threads on, on 2 cores).");
        foreach (var soa in cold.Where(c => c.Strategy == "SyncOverAsync"))
        {
            AppendSchedule(text, soa, cores);
        }

        text.AppendLine("A thread blocked in Thread.Sleep (ThreadPool, TaskRun) says nothing: the pool sees only work items that take long while others still complete, and adds threads through hill climbing (and the gate thread's starvation check every 500 ms when nothing completes): the slower pace above. The timeline does not tell which of the two added each thread.");
        text.AppendLine("Both are far from what N blocked operations need: with the minimum raised to N, the pool creates a thread per queued item without delay and the batch takes about L plus thread creation.");
        text.AppendLine();
    }

    /// <summary>Cooperative blocking's schedule beside the measured timelines: when the pool reached each milestone.</summary>
    private static void AppendSchedule(StringBuilder text, LabCase soa, int cores)
    {
        var peak = (int)(LabCase.Median(soa.Timelines.Select(t => (double)t.PeakThreads)) ?? 0);
        var milestones = new[] { CooperativeBlocking.WithoutDelay(soa.Minimum, cores), 10, CooperativeBlocking.AtMaxDelay(soa.Minimum, cores), 30, peak }
            .Where(k => k <= peak).Distinct().Order().ToList();
        if (milestones.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"`SyncOverAsync` N = {soa.N:N0}, cold, against cooperative blocking's schedule with the runtime's defaults (minimum {soa.Minimum}, {cores} cores: {CooperativeBlocking.WithoutDelay(soa.Minimum, cores)} threads at once, then {CooperativeBlocking.DelayStepMs} ms × (1 + added / cores) before each, at most {CooperativeBlocking.MaxDelayMs} ms, reached at {CooperativeBlocking.AtMaxDelay(soa.Minimum, cores)} threads):").AppendLine();
        text.AppendLine("| Threads | Predicted | Measured (median of the processes) |");
        text.AppendLine("|---:|---:|---:|");
        foreach (var threads in milestones)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {threads} | {Ms(CooperativeBlocking.TimeToReach(threads, soa.Minimum, cores).TotalMilliseconds)} | {Ms(LabCase.Median(soa.Timelines.Select(t => t.TimeToReach(threads)).OfType<double>()))} |");
        }

        text.AppendLine();
    }

    /// <summary>The longest burst sequence the table shows whole.</summary>
    private const int MaxBurstsShown = 16;

    private static string Count(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    private static string Rate(double? perSecond) => perSecond is { } r ? r.ToString(r >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture) + " threads/s" : "–";

    internal static string Ms(double? ms) => ms is not { } v ? "–" : v >= 1000 ? (v / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s" : v.ToString(v >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + " ms";
}
