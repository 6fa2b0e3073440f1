using System.Globalization;
using System.Text;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Columns;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks.Exporters;

/// <summary>
/// The IoBench report: for each workload, a strategy x N matrix of measured batch times beside the two bounds,
/// N×L and max(L), with the cells the plan did not run shown as such; headed by the environment of the run.
/// Written next to BenchmarkDotNet's own reports as iobench-report.md, atomically (never half-written).
/// </summary>
public sealed class BoundsReportExporter(SuiteSettings settings) : IExporter
{
    public const string FileName = "iobench-report.md";

    private const string FilteredOut = "filtered out";

    public string Name => "IoBenchBounds";

    public void ExportToLog(Summary summary, ILogger logger) => logger.Write(Render(summary));

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger) =>
        [ResultFile.Write(summary.ResultsDirectoryPath, FileName, Render(summary))];

    public string Render(Summary summary)
    {
        var text = new StringBuilder();
        text.AppendLine("# IoBench report").AppendLine();
        text.AppendLine("N operations of latency L take N×L when nothing overlaps and max(L) when everything does.");
        text.AppendLine("Each cell is the Mean of the measured batches, their range [min–max] in ms, and Mean/max(L) in brackets (1.0 = fully overlapped, N = fully sequential).");
        text.AppendLine("L is measured per form (blocking, async): many operations one after another in a warmed process; each cell is divided by the L of the form its strategy calls.");
        text.AppendLine("Cells whose time depends on the thread pool's history are measured in two regimes: **steady** (after warm bursts stopped changing the pool's thread count) and **cold** (the first batch of a fresh process, three processes).");
        text.AppendLine("A steady figure whose series still moved is marked ⚠ with the reason.").AppendLine();
        AppendEnvironment(text, summary);

        var filter = new CellPlanFilter(settings);
        foreach (var workload in summary.BenchmarksCases.Select(c => (Case: c, Batch: BatchCase.From(c))).Where(x => x.Batch is not null).GroupBy(x => x.Batch!.WorkloadKey))
        {
            var first = workload.First();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {WorkloadTitle(first.Case)}").AppendLine();
            AppendLatencies(text, summary, first.Batch!);
            var cases = workload.Select(x => (x.Case, x.Batch!)).ToList();
            var checks = new List<string>();
            AppendMatrix(text, summary, cases, filter, checks);
            AppendServerThreads(text, summary, cases);
            if (checks.Count > 0)
            {
                text.AppendLine("Checks:").AppendLine();
                checks.ForEach(check => text.AppendLine(CultureInfo.InvariantCulture, $"- {check}"));
                text.AppendLine();
            }
        }

        return text.ToString();
    }

    private void AppendLatencies(StringBuilder text, Summary summary, BatchCase batch)
    {
        // A device-decided L is sampled around every batch of every case: the family's line shows the N = 1 case's.
        var paired = summary.BenchmarksCases.Any(c => BatchCase.From(c)?.WorkloadKey == batch.WorkloadKey && CaseObservations.From(summary[c]).PairedLatency is not null);
        if (paired)
        {
            text.AppendLine("L is sampled around every measured batch, in the batch's own process (the L column gives each case's); the N = 1 cases':  ");
        }

        foreach (var (form, strategy) in new[] { ("blocking", StrategyKind.Sequential), ("async", StrategyKind.SequentialAwait) })
        {
            var profile = BatchColumn.ProfileOf(summary, paired ? batch with { Strategy = strategy, K = 0, N = 1, Regime = PoolRegime.Steady } : batch with { Strategy = strategy, K = 0 });
            text.AppendLine(profile is null
                ? string.Create(CultureInfo.InvariantCulture, $"L ({form} form) = {settings.LatencyMs} ms nominal: not measured in this run (the steady Sequential N = 1 case samples it).  ")
                : $"L ({form} form) = {profile.Describe()}.  ");
        }

        text.AppendLine();
    }

    private void AppendEnvironment(StringBuilder text, Summary summary)
    {
        text.AppendLine("## Environment").AppendLine().AppendLine("```");
        foreach (var line in summary.HostEnvironmentInfo.ToFormattedString())
        {
            text.AppendLine(line);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Runtimes: {summary.AllRuntimes}");
        foreach (var job in summary.BenchmarksCases.Select(c => c.Job).DistinctBy(j => j.ResolvedId))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Job {job.ResolvedId}: {job.DisplayInfo}");
        }

        var minThreads = summary.Reports.Select(r => CaseObservations.From(r).MinThreads).FirstOrDefault(m => m is not null);
        text.AppendLine(minThreads is not { } pool
            ? "Thread pool: not reported"
            : string.Create(CultureInfo.InvariantCulture, $"Thread pool (benchmark processes): min worker threads {pool.Workers}, min I/O threads {pool.Io} (runtime defaults unless DOTNET_ThreadPool_* is set)"));
        foreach (var (key, amount) in CalibrationStore.ReadAll(Environment.GetEnvironmentVariable(CalibrationStore.FileVariable) ?? string.Empty).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Calibrated once for the whole run: {key} = {amount:N0} units of work per operation");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Suite settings: {string.Join(' ', settings.ToDisplayEnvironment().Select(kv => $"{kv.Key}={kv.Value}"))}");
        text.AppendLine("```").AppendLine();
    }

    private void AppendMatrix(StringBuilder text, Summary summary, List<(BenchmarkCase Case, BatchCase Batch)> cases, CellPlanFilter filter, List<string> checks)
    {
        // The family's own values, from the same parameter sources BenchmarkDotNet reads.
        var family = (BatchBenchmarks)Activator.CreateInstance(cases[0].Case.Descriptor.Type)!;
        var ops = family.OpsValues().ToList();
        var columns = new LatencyColumn(settings);
        var blocking = columns.LatencyOf(summary, cases[0].Batch with { Strategy = StrategyKind.Sequential, K = 0 }).Latency;
        var asyncProfile = BatchColumn.ProfileOf(summary, cases[0].Batch with { Strategy = StrategyKind.Task, K = 0 });
        text.Append("| Strategy |");
        foreach (var n in ops)
        {
            text.Append(CultureInfo.InvariantCulture, $" N = {n} |");
        }

        text.AppendLine().Append("|---|").AppendLine(string.Concat(ops.Select(_ => "---:|")));
        text.Append("| *N×L (sequential bound, blocking L)* |").AppendLine(string.Concat(ops.Select(n => $" *{BatchColumn.Milliseconds(Bounds.Sequential(n, blocking))}* |")));
        text.Append("| *max(L) (overlapped bound)* |").AppendLine(string.Concat(ops.Select(_ => $" *{BatchColumn.Milliseconds(Bounds.Overlapped(blocking))}* |")));
        if (asyncProfile is not null)
        {
            text.Append("| *max of N (overlapped bound with the measured tail, async L)* |").AppendLine(string.Concat(ops.Select(n => $" *{BatchColumn.Milliseconds(asyncProfile.ExpectedMaxOf(n))}* |")));
        }

        foreach (var (strategy, k) in Rows(family))
        {
            text.Append(k == 0 ? $"| {strategy} |" : $"| {strategy} (K = {k}) |");
            foreach (var n in ops)
            {
                var steady = cases.FirstOrDefault(c => c.Batch is { Regime: PoolRegime.Steady } b && b.Strategy == strategy && b.N == n && b.K == k);
                var cold = cases.FirstOrDefault(c => c.Batch is { Regime: PoolRegime.Cold } b && b.Strategy == strategy && b.N == n && b.K == k);
                text.Append(' ').Append(Cell(summary, steady.Case, cold.Case, filter, cases[0].Case, columns, strategy, n, k, checks)).Append(" |");
            }

            text.AppendLine();
        }

        text.AppendLine();
    }

    /// <summary>For the HTTP workloads: the latency server's peak thread-pool threads per cell, the figure that explains a server-bound row.</summary>
    private static void AppendServerThreads(StringBuilder text, Summary summary, List<(BenchmarkCase Case, BatchCase Batch)> cases)
    {
        var threads = cases
            .Where(c => c.Batch.Regime == PoolRegime.Steady)
            .Select(c => (c.Batch, Threads: CaseObservations.From(summary[c.Case]).ServerThreads))
            .Where(c => c.Threads is not null)
            .ToList();
        if (threads.Count == 0)
        {
            return;
        }

        var ops = threads.Select(t => t.Batch.N).Distinct().Order().ToList();
        text.AppendLine("Latency server: thread-pool threads after the measured batches, steady regime (its own process, from GET /stats).").AppendLine();
        text.Append("| Strategy |").AppendLine(string.Concat(ops.Select(n => $" N = {n} |")));
        text.Append("|---|").AppendLine(string.Concat(ops.Select(_ => "---:|")));
        foreach (var row in threads.GroupBy(t => (t.Batch.Strategy, t.Batch.K)))
        {
            text.Append(row.Key.K == 0 ? $"| {row.Key.Strategy} |" : $"| {row.Key.Strategy} (K = {row.Key.K}) |");
            foreach (var n in ops)
            {
                var cell = row.FirstOrDefault(t => t.Batch.N == n).Threads;
                text.Append(cell is { } value ? string.Create(CultureInfo.InvariantCulture, $" {value} |") : " - |");
            }

            text.AppendLine();
        }

        text.AppendLine();
    }

    private static IEnumerable<(StrategyKind Strategy, int K)> Rows(BatchBenchmarks family)
    {
        var limits = family.LimitValues().Select(l => l.Value).Where(k => k != 0).ToList();
        foreach (var strategy in family.StrategyValues())
        {
            yield return (strategy, 0);
            if (Strategy.UsesLimit(strategy))
            {
                foreach (var k in limits)
                {
                    yield return (strategy, k);
                }
            }
        }
    }

    private static string Cell(Summary summary, BenchmarkCase? steadyCase, BenchmarkCase? coldCase, CellPlanFilter filter, BenchmarkCase sibling, LatencyColumn columns, StrategyKind strategy, int n, int k, List<string> checks)
    {
        if (steadyCase is null)
        {
            if (k != 0 && k >= n)
            {
                return "-";
            }

            return filter.WhyNotRun(sibling, strategy, n, k) is { } why ? $"not run: {why}" : FilteredOut;
        }

        var batch = BatchCase.From(steadyCase)!;
        var latency = columns.LatencyOf(summary, batch).Latency;
        var profile = BatchColumn.ProfileOf(summary, batch);
        if (ReportCell.From(summary[steadyCase]) is not { } steady)
        {
            return "**failed**";
        }

        var name = k == 0 ? $"{strategy} N = {n}" : $"{strategy} (K = {k}) N = {n}";
        var text = steady.Format(latency);
        if (steady.NotSteady(filter.RunsCold(steadyCase)) is { } reason)
        {
            text += $" ⚠ {reason}";
            checks.Add($"{name}: not a steady figure ({reason}); series {string.Join(", ", steady.SeriesMs.Select(v => v.ToString("0.#", CultureInfo.InvariantCulture)))} ms{WarmupNote(steady.Observations)}.");
        }

        if (strategy == StrategyKind.Sequential && k == 0 && profile is not null)
        {
            var ratio = steady.Mean / Bounds.Sequential(n, latency);
            checks.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {ratio:0.000} × N×L{(Math.Abs(ratio - 1) > 0.03 ? " — off by more than 3%" : string.Empty)}."));
        }

        if (profile is not null && steady.Mean < profile.Min)
        {
            checks.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: Mean {BatchColumn.Milliseconds(steady.Mean)} is below the shortest single operation measured ({BatchColumn.Milliseconds(profile.Min)})."));
        }

        if (coldCase is not null)
        {
            text += ReportCell.From(summary[coldCase]) is { } cold ? $"; cold: {cold.Format(latency)}" : "; cold: **failed**";
        }

        return text;
    }

    private static string WarmupNote(CaseObservations observations) =>
        observations.Warmups.FirstOrDefault() is { } warmup
            ? string.Create(CultureInfo.InvariantCulture, $"; warmed {warmup.Bursts} bursts in {warmup.Seconds:0.0} s, pool {warmup.PoolStart}→{warmup.PoolEnd} threads, {(warmup.Settled ? "settled" : "not settled within the warm-up budget")}")
            : string.Empty;

    private static string WorkloadTitle(BenchmarkCase benchmarkCase)
    {
        var type = benchmarkCase.Descriptor.Type.Name.Replace("Benchmarks", string.Empty, StringComparison.Ordinal);
        var others = benchmarkCase.Parameters.Items
            .Where(p => p.Name is not (nameof(BatchBenchmarks.Strategy) or nameof(BatchBenchmarks.N) or nameof(BatchBenchmarks.K)))
            .Select(p => $"{p.Name} = {p.Value}")
            .ToList();
        return others.Count == 0 ? type : $"{type} ({string.Join(", ", others)})";
    }
}
