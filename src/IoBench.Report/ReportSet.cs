using System.Text.Json;
using IoBench.Report.Charts;
using IoBench.Report.Claims;
using IoBench.Report.Starvation;

namespace IoBench.Report;

/// <summary>
/// Every file a result folder's data file renders to: the markdown report, the at-a-glance tables with the ten
/// claims' verdicts, one SVG chart per workload configuration and, for a run with the starvation lab, its report and charts, by file name, in a stable order. Everything is rendered before anything is written, and each file is
/// written atomically, so a failure leaves the folder's old files as they were.
/// </summary>
public static class ReportSet
{
    /// <summary>The options the data file is written with (the benchmark host) and read with (the report command).</summary>
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true };

    public static IReadOnlyList<(string FileName, string Text)> Render(RunData run)
    {
        var files = new List<(string, string)> { (MarkdownReport.FileName, MarkdownReport.Render(run)), (AtAGlance.FileName, AtAGlance.Render(run)) };
        files.AddRange(ReportFamily.Of(run).Where(family => !family.ClaimOnly).Select(family => (family.ChartFileName, FamilyChart.Render(family))));
        // The starvation lab's report and charts, where the run has the lab (--starvation).
        files.AddRange(StarvationLab.Render(run));
        return files;
    }

    /// <summary>
    /// Renders every file, then writes them into <paramref name="folder"/> and removes the charts of workloads the data
    /// no longer has (a chart left from an earlier rendering would show another run); returns the written paths.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, RunData run)
    {
        var files = Render(run);
        var written = files.Select(file => ResultFile.Write(folder, file.FileName, file.Text)).ToList();
        foreach (var stale in Directory.GetFiles(folder, "chart-*.svg").Where(path => !files.Any(f => f.FileName == Path.GetFileName(path))))
        {
            File.Delete(stale);
        }

        return written;
    }

    public static RunData Read(string dataFile)
    {
        var run = JsonSerializer.Deserialize<RunData>(File.ReadAllText(dataFile), Json)
            ?? throw new InvalidDataException($"{dataFile} holds no run");
        return run.SchemaVersion is >= 1 and <= RunData.CurrentSchema && run.Environment is not null && run.Cases is not null
            ? run
            : throw new InvalidDataException($"{dataFile}: schema version {run.SchemaVersion} is not one this tool reads (1 to {RunData.CurrentSchema})");
    }
}
