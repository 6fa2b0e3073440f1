using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using IoBench.Core.Settings;
using IoBench.Report;

namespace IoBench.Benchmarks.Exporters;

/// <summary>
/// The IoBench report and its charts at the end of a run: the run's data (<see cref="DataExporter"/>) rendered by the one
/// renderer, <see cref="ReportSet"/>, which <c>scripts/report.sh</c> also runs over a saved iobench-data.json, so a
/// report is a pure function of its data file. Written next to BenchmarkDotNet's own reports as iobench-report.md and
/// chart-*.svg, each atomically (never half-written); the paths go to <paramref name="written"/> for the lines the run ends with.
/// </summary>
public sealed class BoundsReportExporter(SuiteSettings settings, RunPaths? written = null) : IExporter
{
    public const string FileName = MarkdownReport.FileName;

    public string Name => "IoBenchBounds";

    public void ExportToLog(Summary summary, ILogger logger) => logger.Write(Render(summary));

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        var paths = ReportSet.Write(summary.ResultsDirectoryPath, new DataExporter(settings).Build(summary));
        written?.Add(paths);
        return paths;
    }

    public string Render(Summary summary) => MarkdownReport.Render(new DataExporter(settings).Build(summary));
}
