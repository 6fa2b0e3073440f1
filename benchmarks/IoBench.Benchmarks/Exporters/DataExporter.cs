using System.Text.Json;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using IoBench.Benchmarks.Columns;
using IoBench.Core.Settings;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks.Exporters;

/// <summary>Writes the run's <see cref="RunData"/> as iobench-data.json next to the reports, atomically.</summary>
public sealed class DataExporter(SuiteSettings settings) : IExporter
{
    public const string FileName = "iobench-data.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Name => "IoBenchData";

    public void ExportToLog(Summary summary, ILogger logger)
    {
        // The data file is for tools, not for the console.
    }

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger) =>
        [ResultFile.Write(summary.ResultsDirectoryPath, FileName, JsonSerializer.Serialize(Build(summary), Json))];

    public RunData Build(Summary summary)
    {
        var filter = new CellPlanFilter(settings);
        var cases = new List<CaseData>();
        foreach (var benchmarkCase in summary.BenchmarksCases)
        {
            if (BatchCase.From(benchmarkCase) is not { } batch)
            {
                continue;
            }

            var report = summary[benchmarkCase];
            var cell = Exporters.ReportCell.From(report);
            var observations = CaseObservations.From(report);
            var profile = BatchColumn.ProfileOf(summary, batch);
            var dependsOnPool = filter.RunsCold(benchmarkCase);
            cases.Add(new CaseData(
                benchmarkCase.Descriptor.Type.Name.Replace("Benchmarks", string.Empty, StringComparison.Ordinal),
                benchmarkCase.Parameters.Items
                    .Where(p => p.Name is not (nameof(BatchBenchmarks.Strategy) or nameof(BatchBenchmarks.N) or nameof(BatchBenchmarks.K)))
                    .ToDictionary(p => p.Name, p => p.Value?.ToString() ?? string.Empty),
                batch.Strategy.ToString(),
                batch.N,
                batch.K,
                batch.Regime,
                dependsOnPool,
                cell is not null,
                cell?.SeriesMs ?? [],
                cell?.Mean.TotalMilliseconds,
                cell?.Min.TotalMilliseconds,
                cell?.Max.TotalMilliseconds,
                profile is null ? null : new LatencyData(profile.Form.ToString(), profile.Mean.TotalMilliseconds, profile.Median.TotalMilliseconds, profile.Quantile(0.1).TotalMilliseconds, profile.Quantile(0.9).TotalMilliseconds, profile.Max.TotalMilliseconds, profile.Count),
                profile is null ? null : Bounds.Sequential(batch.N, profile.L).TotalMilliseconds,
                profile?.ExpectedMaxOf(Math.Max(1, batch.N)).TotalMilliseconds,
                observations.PeakThreads,
                observations.SyncPercent,
                batch.N > 0 ? observations.AllocatedPerBatch / batch.N : null,
                batch.N > 0 ? observations.WorkItemsPerBatch / batch.N : null,
                observations.Pool?.Start,
                observations.Pool?.End,
                observations.ServerThreads,
                batch.Regime == PoolRegime.Steady ? cell?.NotSteady(dependsOnPool) : null));
        }

        var host = summary.HostEnvironmentInfo;
        var minThreads = summary.Reports.Select(r => CaseObservations.From(r).MinThreads).FirstOrDefault(m => m is not null);
        var environment = new RunEnvironmentData(
            host.BenchmarkDotNetVersion,
            host.OsVersion.Value ?? "unknown",
            host.CpuInfo.Value?.ProcessorName ?? "unknown",
            host.CpuInfo.Value?.LogicalCoreCount ?? Environment.ProcessorCount,
            [.. summary.Reports.Select(r => r.GetRuntimeInfo() ?? string.Empty).Where(r => r.Length > 0).Distinct()],
            minThreads?.Workers,
            minThreads?.Io,
            CalibrationStore.ReadAll(Environment.GetEnvironmentVariable(CalibrationStore.FileVariable) ?? string.Empty),
            settings.ToDisplayEnvironment());
        return new RunData(RunData.CurrentSchema, environment, cases);
    }
}
