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

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        Directory.CreateDirectory(summary.ResultsDirectoryPath);
        var path = Path.Combine(summary.ResultsDirectoryPath, FileName);
        var temporary = path + ".partial";
        File.WriteAllText(temporary, Render(summary));
        File.Move(temporary, path, overwrite: true);
        return [path];
    }

    public string Render(Summary summary)
    {
        var text = new StringBuilder();
        text.AppendLine("# IoBench report").AppendLine();
        text.AppendLine("N operations of latency L take N×L when nothing overlaps and max(L) when everything does.");
        text.AppendLine("Each cell is the measured Mean of one batch and, in brackets, Mean/max(L): 1.0 = fully overlapped, N = fully sequential.").AppendLine();
        AppendEnvironment(text, summary);

        var filter = new CellPlanFilter(settings);
        var columns = new LatencyColumn(settings);
        foreach (var workload in summary.BenchmarksCases.Select(c => (Case: c, Batch: BatchCase.From(c))).Where(x => x.Batch is not null).GroupBy(x => x.Batch!.WorkloadKey))
        {
            var first = workload.First();
            var (latency, measured) = columns.LatencyOf(summary, first.Batch!);
            text.AppendLine(CultureInfo.InvariantCulture, $"## {WorkloadTitle(first.Case)}").AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"L = {BatchColumn.Milliseconds(latency)} ({(measured ? "measured by Sequential at N = 1" : "nominal: Sequential N = 1 did not run")}).").AppendLine();
            var cases = workload.Select(x => (x.Case, x.Batch!)).ToList();
            AppendMatrix(text, summary, cases, latency, filter);
            AppendServerThreads(text, summary, cases);
        }

        return text.ToString();
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

        var pool = summary.Reports.Select(BatchMetrics.From).FirstOrDefault(m => m is not null);
        text.AppendLine(pool is null
            ? "Thread pool: not reported"
            : string.Create(CultureInfo.InvariantCulture, $"Thread pool (benchmark process): min worker threads {pool.MinWorkerThreads}, min I/O threads {pool.MinIoThreads} (runtime defaults unless DOTNET_ThreadPool_* is set)"));
        text.AppendLine(CultureInfo.InvariantCulture, $"Suite settings: {string.Join(' ', settings.ToDisplayEnvironment().Select(kv => $"{kv.Key}={kv.Value}"))}");
        text.AppendLine("```").AppendLine();
    }

    private void AppendMatrix(StringBuilder text, Summary summary, List<(BenchmarkCase Case, BatchCase Batch)> cases, TimeSpan latency, CellPlanFilter filter)
    {
        // The family's own values, from the same parameter sources BenchmarkDotNet reads.
        var family = (BatchBenchmarks)Activator.CreateInstance(cases[0].Case.Descriptor.Type)!;
        var ops = family.OpsValues().ToList();
        text.Append("| Strategy |");
        foreach (var n in ops)
        {
            text.Append(CultureInfo.InvariantCulture, $" N = {n} |");
        }

        text.AppendLine().Append("|---|").AppendLine(string.Concat(ops.Select(_ => "---:|")));
        text.Append("| *N×L (sequential bound)* |").AppendLine(string.Concat(ops.Select(n => $" *{BatchColumn.Milliseconds(Bounds.Sequential(n, latency))}* |")));
        text.Append("| *max(L) (overlapped bound)* |").AppendLine(string.Concat(ops.Select(_ => $" *{BatchColumn.Milliseconds(Bounds.Overlapped(latency))}* |")));

        foreach (var (strategy, k) in Rows(family))
        {
            text.Append(k == 0 ? $"| {strategy} |" : $"| {strategy} (K = {k}) |");
            foreach (var n in ops)
            {
                var match = cases.FirstOrDefault(c => c.Batch.Strategy == strategy && c.Batch.N == n && c.Batch.K == k);
                text.Append(' ').Append(Cell(summary, match.Case, filter, cases[0].Case, latency, strategy, n, k)).Append(" |");
            }

            text.AppendLine();
        }

        text.AppendLine();
    }

    /// <summary>For the HTTP workloads: the latency server's peak thread-pool threads per cell, the figure that explains a server-bound row.</summary>
    private static void AppendServerThreads(StringBuilder text, Summary summary, List<(BenchmarkCase Case, BatchCase Batch)> cases)
    {
        var threads = cases
            .Select(c => (c.Batch, Threads: BatchMetrics.From(summary[c.Case])?.ServerThreads))
            .Where(c => c.Threads is not null)
            .ToList();
        if (threads.Count == 0)
        {
            return;
        }

        var ops = threads.Select(t => t.Batch.N).Distinct().Order().ToList();
        text.AppendLine("Latency server: peak thread-pool threads during the batches (its own process, from GET /stats).").AppendLine();
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

    private static string Cell(Summary summary, BenchmarkCase? benchmarkCase, CellPlanFilter filter, BenchmarkCase sibling, TimeSpan latency, StrategyKind strategy, int n, int k)
    {
        if (benchmarkCase is not null)
        {
            var report = summary[benchmarkCase];
            if (report is null || !report.Success || BatchColumn.MeanOf(summary, benchmarkCase) is not { } mean)
            {
                return "**failed**";
            }

            return string.Create(CultureInfo.InvariantCulture, $"{BatchColumn.Milliseconds(mean)} ({Bounds.ConcurrencyFactor(mean, latency):0.00})");
        }

        if (k != 0 && k >= n)
        {
            return "-";
        }

        return filter.WhyNotRun(sibling, strategy, n, k) is { } why ? $"not run: {why}" : FilteredOut;
    }

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
