using System.Globalization;
using System.Text;
using IoBench.Core.Theory;
using IoBench.Report.Call;

namespace IoBench.Report;

/// <summary>
/// The IoBench report (iobench-report.md), a pure function of the run's data file: for each workload, L per form, its
/// chart, and a strategy x N matrix of measured batch times beside the two bounds, N×L and max(L), with the cells the
/// plan did not run shown as such; headed by the environment of the run.
/// </summary>
public static class MarkdownReport
{
    public const string FileName = "iobench-report.md";

    public static string Render(RunData run)
    {
        var text = new StringBuilder();
        // A run of a user's own call is titled with the call (secrets masked when the run wrote it).
        text.AppendLine(run.Environment.Call is { } call ? $"# IoBench report: {call}" : "# IoBench report").AppendLine();
        if (RunSupport.IsQuick(run))
        {
            text.AppendLine(RunSupport.Banner(run)).AppendLine();
        }

        text.AppendLine("N operations of latency L take N×L when nothing overlaps and max(L) when everything does.");
        text.AppendLine("Each cell is the Mean of the measured batches, their range [min–max] in ms, and Mean/max(L) in brackets (1.0 = fully overlapped, N = fully sequential).");
        text.AppendLine("L is measured per form (blocking, async): many operations one after another in a warmed process; each cell is divided by the L of the form its strategy calls.");
        text.AppendLine(run.Environment.Call is null
            ? "Cells whose time depends on the thread pool's history are measured in two regimes: **steady** (after warm bursts stopped changing the pool's thread count) and **cold** (the first batch of a fresh process, three processes)."
            : "A user's call is measured in the **steady** regime only (a process that already serves it; pool-dependent cells after warm bursts stopped changing the pool's thread count), its L sampled around every batch.");
        text.AppendLine("A steady figure whose series still moved is marked ⚠ with the reason.").AppendLine();
        if (run.Cases.Any(c => c.ProcessMediansMs is { Count: > 0 }))
        {
            text.AppendLine("Each cell was measured in several benchmark processes. After each figure, *est.* is the cell's estimate, the geometric mean of its processes' median batches, "
                + "with its 90% prediction interval: where a repeat run's estimate (as many processes) is expected, from a per-family between-process variance "
                + "measured in the run and applied to each cell: estimate × exp(± t(0.95, df) · s_f · √(2/k)), s_f the pooled standard deviation of the log process "
                + "medians within the family's cells of that regime (its table follows each matrix).").AppendLine();
        }

        // The answer to a user's call first: the decision section, computed from the same data as the matrices below.
        text.Append(CallDecision.Render(run));
        AppendEnvironment(text, run);

        foreach (var family in ReportFamily.Of(run))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## {family.Title}").AppendLine();
            AppendLatencies(text, family);
            if (family.ClaimOnly)
            {
                AppendFailures(text, family);
            }
            else
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"![{family.Title}: batch time against N, log-log, one line per strategy]({family.ChartFileName})").AppendLine();
            }

            var checks = new List<string>();
            AppendMatrix(text, family, checks);
            AppendVariation(text, family);
            AppendServerThreads(text, family);
            if (checks.Count > 0)
            {
                text.AppendLine("Checks:").AppendLine();
                checks.ForEach(check => text.AppendLine(CultureInfo.InvariantCulture, $"- {check}"));
                text.AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A family whose operations fail on purpose (claim 7): what the caller caught beside what happened, per case; and where
    /// the run measured them, where the other failures went and the calls' time beside the caller's batch.
    /// </summary>
    private static void AppendFailures(StringBuilder text, ReportFamily family)
    {
        var cases = family.Cases.Where(c => c.Failures is not null).OrderBy(c => c.Parameters.GetValueOrDefault("Caller"), StringComparer.Ordinal).ToList();
        var measured = cases.Any(c => c.Failures!.Unobserved is not null || c.Failures.CallsMs is not null);
        text.AppendLine("Every tenth operation fails after its full L. Failures the operations ended with, against those that reached the caller, over the measured batches (claim 7):").AppendLine();
        if (measured)
        {
            text.AppendLine("| Case | Batch (Mean) | Calls (first start to last end) | Failures | Caught by the caller | Batches in which the caller caught one | UnobservedTaskException after collections | Reached neither |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        }
        else
        {
            text.AppendLine("| Case | Batch (Mean) | Failures | Seen by the caller | Batches in which the caller saw one |").AppendLine("|---|---:|---:|---:|---:|");
        }

        foreach (var c in cases)
        {
            var f = c.Failures!;
            var caller = c.Parameters.TryGetValue("Caller", out var value) ? $", Caller = {value}" : string.Empty;
            var mean = c.MeanMs is { } ms ? ShortMilliseconds(ms) : "-";
            text.AppendLine(measured
                ? string.Create(CultureInfo.InvariantCulture, $"| {c.Strategy} N = {c.N}{caller} ({c.Regime.ToLowerInvariant()}) | {mean} | {(f.MeanCallsMs is { } calls ? ShortMilliseconds(calls) : "-")} | {f.Occurred} | {f.Seen} | {f.BatchesSeen} of {f.Batches} | {f.Unobserved?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {f.Nowhere?.ToString(CultureInfo.InvariantCulture) ?? "-"} |")
                : string.Create(CultureInfo.InvariantCulture, $"| {c.Strategy} N = {c.N}{caller} ({c.Regime.ToLowerInvariant()}) | {mean} | {f.Occurred} | {f.Seen} | {f.BatchesSeen} of {f.Batches} |"));
        }

        text.AppendLine();
    }

    /// <summary>Like <see cref="Milliseconds"/>, with three decimals below 1 ms (a batch that only starts its calls).</summary>
    public static string ShortMilliseconds(double ms) =>
        ms < 1 ? ms.ToString("0.###", CultureInfo.InvariantCulture) + " ms" : Milliseconds(TimeSpan.FromMilliseconds(ms));

    /// <summary>"20.1 ms" style milliseconds: no decimals from 100 ms, one below.</summary>
    public static string Milliseconds(TimeSpan value) =>
        value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture) + " ms";

    private static void AppendEnvironment(StringBuilder text, RunData run)
    {
        var environment = run.Environment;
        text.AppendLine("## Environment").AppendLine().AppendLine("```");
        foreach (var line in environment.Description ?? DescriptionOf(environment))
        {
            text.AppendLine(line);
        }

        text.AppendLine(environment.MinWorkerThreads is not { } workers
            ? "Thread pool: not reported"
            : string.Create(CultureInfo.InvariantCulture, $"Thread pool (benchmark processes): min worker threads {workers}, min I/O threads {environment.MinIoThreads} (runtime defaults unless DOTNET_ThreadPool_* is set)"));
        foreach (var line in ProcessSettingsText.Lines(environment))
        {
            text.AppendLine(line);
        }

        foreach (var (key, amount) in environment.Calibration.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Calibrated once for the whole run: {key} = {amount:N0} units of work per operation");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Suite settings: {string.Join(' ', environment.Settings.Select(kv => $"{kv.Key}={kv.Value}"))}");
        text.AppendLine("```").AppendLine();
    }

    /// <summary>Schema 1 files do not carry BenchmarkDotNet's description: the fields they have, one line.</summary>
    private static IEnumerable<string> DescriptionOf(RunEnvironmentData environment)
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"BenchmarkDotNet v{environment.BenchmarkDotNet}, {environment.Os}");
        yield return string.Create(CultureInfo.InvariantCulture, $"{environment.Cpu}, {environment.Cores} logical cores");
        yield return $"Runtimes: {string.Join("; ", environment.Runtimes)}";
    }

    private static void AppendLatencies(StringBuilder text, ReportFamily family)
    {
        if (family.LatencySampledPerBatch)
        {
            text.AppendLine("L is sampled around every measured batch, in the batch's own process (the L column gives each case's); the sequential cases' at their smallest N:  ");
        }

        foreach (var (form, latency) in new[] { ("blocking", family.Blocking), ("async", family.Async) })
        {
            text.AppendLine(latency is not null
                ? $"L ({form} form) = {Describe(latency)}.  "
                : family.IsCall
                    // A call has no nominal L: each case's own, sampled around its batches, is in its ratio.
                    ? $"L ({form} form): no sequential case of this configuration ran in this form; each cell's ratio uses the L sampled around its own batches.  "
                    : string.Create(CultureInfo.InvariantCulture, $"L ({form} form) = {family.NominalL.TotalMilliseconds} ms nominal: not measured in this run (the steady Sequential N = 1 case samples it).  "));
        }

        text.AppendLine();
    }

    /// <summary>"20.1 ms (median of 30; mean 20.2 ms, p10–p90 20.0 ms–20.3 ms, max 21.0 ms)", as LatencyProfile.Describe.</summary>
    private static string Describe(LatencyData l) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Ms(l.MedianMs)} (median of {l.Samples}; mean {Ms(l.MeanMs)}, p10–p90 {Ms(l.P10Ms)}–{Ms(l.P90Ms)}, max {Ms(l.MaxMs)})");

    private static string Ms(double ms) =>
        ms.ToString(ms >= 10 ? "0.0" : ms >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture) + " ms";

    private static void AppendMatrix(StringBuilder text, ReportFamily family, List<string> checks)
    {
        var ops = family.Ops;
        var blocking = family.BlockingL;
        text.Append("| Strategy |");
        foreach (var n in ops)
        {
            text.Append(CultureInfo.InvariantCulture, $" N = {n} |");
        }

        text.AppendLine().Append("|---|").AppendLine(string.Concat(ops.Select(_ => "---:|")));
        text.Append("| *N×L (sequential bound, blocking L)* |").AppendLine(string.Concat(ops.Select(n => $" *{Milliseconds(Bounds.Sequential(n, blocking))}* |")));
        text.Append("| *max(L) (overlapped bound)* |").AppendLine(string.Concat(ops.Select(_ => $" *{Milliseconds(Bounds.Overlapped(blocking))}* |")));
        if (family.Async is not null)
        {
            text.Append("| *max of N (overlapped bound with the measured tail, async L)* |").AppendLine(string.Concat(ops.Select(n => family.ExpectedMaxOf(n) is { } max ? $" *{Milliseconds(max)}* |" : " - |")));
        }

        foreach (var row in family.Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {ReportFamily.Label(row)} |");
            foreach (var n in ops)
            {
                text.Append(' ').Append(Cell(family, row, n, checks)).Append(" |");
            }

            text.AppendLine();
        }

        text.AppendLine();
    }

    /// <summary>For the HTTP workloads: the latency server's peak thread-pool threads per cell, the figure that explains a server-bound row.</summary>
    private static void AppendServerThreads(StringBuilder text, ReportFamily family)
    {
        var threads = family.Cases.Where(c => c.Regime == "Steady" && c.ServerThreads is not null).ToList();
        if (threads.Count == 0)
        {
            return;
        }

        var ops = threads.Select(t => t.N).Distinct().Order().ToList();
        text.AppendLine("Latency server: thread-pool threads after the measured batches, steady regime (its own process, from GET /stats).").AppendLine();
        text.Append("| Strategy |").AppendLine(string.Concat(ops.Select(n => $" N = {n} |")));
        text.Append("|---|").AppendLine(string.Concat(ops.Select(_ => "---:|")));
        foreach (var row in threads.GroupBy(t => new RowData(t.Strategy, t.K)))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {ReportFamily.Label(row.Key)} |");
            foreach (var n in ops)
            {
                var cell = row.FirstOrDefault(t => t.N == n)?.ServerThreads;
                text.Append(cell is { } value ? string.Create(CultureInfo.InvariantCulture, $" {value} |") : " - |");
            }

            text.AppendLine();
        }

        text.AppendLine();
    }

    private static string Cell(ReportFamily family, RowData row, int n, List<string> checks)
    {
        if (family.Steady(row, n) is not { } steady)
        {
            if (row.K != 0 && row.K >= n)
            {
                return "-";
            }

            return family.WhyNotRun(row, n) switch
            {
                null => "not run",
                NotRunData.FilteredOut => NotRunData.FilteredOut,
                var why => $"not run: {why}",
            };
        }

        if (!steady.Success || steady.MeanMs is not { } mean)
        {
            return "**failed**";
        }

        var latency = family.LatencyOf(steady);
        var name = row.K == 0 ? $"{row.Strategy} N = {n}" : $"{row.Strategy} (K = {row.K}) N = {n}";
        var text = Format(steady, latency) + Predicted(family, steady);
        if (steady.NotSteady is { } reason)
        {
            text += $" ⚠ {reason}";
            checks.Add($"{name}: not a steady figure ({reason}); series {string.Join(", ", steady.IterationsMs.Select(v => v.ToString("0.#", CultureInfo.InvariantCulture)))} ms{WarmupNote(steady.Warmup)}.");
        }

        if (row is { Strategy: "Sequential", K: 0 } && steady.Latency is not null)
        {
            var ratio = ReportFamily.Milliseconds(mean) / Bounds.Sequential(n, latency);
            checks.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {ratio:0.000} × N×L{(Math.Abs(ratio - 1) > 0.03 ? " — off by more than 3%" : string.Empty)}."));
        }

        if (steady.Latency is { } sampled && family.ShortestOf(sampled.Form) is { } shortest && ReportFamily.Milliseconds(mean) < shortest)
        {
            checks.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: Mean {Milliseconds(ReportFamily.Milliseconds(mean))} is below the shortest single operation measured ({Milliseconds(shortest)})."));
        }

        if (family.Cold(row, n) is { } cold)
        {
            text += cold.Success && cold.MeanMs is not null ? $"; cold: {Format(cold, latency)}{Predicted(family, cold)}" : "; cold: **failed**";
        }

        return text;
    }

    /// <summary>" est. 27.3 ms, 90% PI 26.1–28.6": the cell's estimate and where a repeat's is expected; empty without process medians.</summary>
    private static string Predicted(ReportFamily family, CaseData c)
    {
        if (c.ProcessMediansMs is not { Count: > 0 } medians || medians.Any(m => !(m > 0)) || family.VarianceOf(c.Regime)?.Predict(medians, medians.Count) is not { } interval)
        {
            return string.Empty;
        }

        return $" est. {Short(interval.Estimate)} ms, 90% PI {Short(interval.Lower)}–{Short(interval.Upper)}";
    }

    /// <summary>The family's between-process variation per regime, the s_f and df its cells' intervals use; nothing without process medians.</summary>
    private static void AppendVariation(StringBuilder text, ReportFamily family)
    {
        if (!family.HasProcessMedians)
        {
            return;
        }

        var regimes = new[] { "Steady", "Cold" }.Select(r => (Regime: r, Variance: family.VarianceOf(r))).Where(r => r.Variance is not null).ToList();
        if (regimes.Count == 0)
        {
            return;
        }

        text.AppendLine("Between-process variation (pooled over the family's cells of a regime; the 90% intervals above use it):").AppendLine();
        text.AppendLine("| Regime | s_f (log scale) | df | Cells |").AppendLine("|---|---:|---:|---:|");
        foreach (var (regime, variance) in regimes)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {regime.ToLowerInvariant()} | {variance!.StandardDeviation:0.0000} | {variance.DegreesOfFreedom} | {variance.Cells} |"));
        }

        text.AppendLine();
    }

    /// <summary>"27.5 ms [27.0–28.1] (1.10)": Mean, the range of the measured batches, Mean/max(L).</summary>
    private static string Format(CaseData c, TimeSpan latency)
    {
        var mean = ReportFamily.Milliseconds(c.MeanMs!.Value);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Milliseconds(mean)} [{Short(c.MinMs ?? c.MeanMs.Value)}–{Short(c.MaxMs ?? c.MeanMs.Value)}] ({Bounds.ConcurrencyFactor(mean, latency):0.00})");
    }

    private static string Short(double ms) =>
        ms.ToString(ms >= 100 ? "N0" : ms >= 1 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    private static string WarmupNote(WarmupData? warmup) =>
        warmup is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"; warmed {w.Bursts} bursts in {w.Seconds:0.0} s, pool {w.PoolStart}→{w.PoolEnd} threads, {(w.Settled ? "settled" : "not settled within the warm-up budget")}")
            : string.Empty;
}
