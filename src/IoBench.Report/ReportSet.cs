using System.Text.Json;
using IoBench.Report.Charts;

namespace IoBench.Report;

/// <summary>
/// Every file a result folder's data file renders to: the markdown report and one SVG chart per workload
/// configuration, by file name, in a stable order. Everything is rendered before anything is written, and each file is
/// written atomically, so a failure leaves the folder's old files as they were.
/// </summary>
public static class ReportSet
{
    /// <summary>The options the data file is written with (the benchmark host) and read with (the report command).</summary>
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true };

    public static IReadOnlyList<(string FileName, string Text)> Render(RunData run)
    {
        var files = new List<(string, string)> { (MarkdownReport.FileName, MarkdownReport.Render(run)) };
        files.AddRange(ReportFamily.Of(run).Select(family => (family.ChartFileName, FamilyChart.Render(family))));
        return files;
    }

    /// <summary>Renders every file, then writes them into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, RunData run) =>
        [.. Render(run).Select(file => ResultFile.Write(folder, file.FileName, file.Text))];

    public static RunData Read(string dataFile)
    {
        var run = JsonSerializer.Deserialize<RunData>(File.ReadAllText(dataFile), Json)
            ?? throw new InvalidDataException($"{dataFile} holds no run");
        return run.SchemaVersion is >= 1 and <= RunData.CurrentSchema && run.Environment is not null && run.Cases is not null
            ? run
            : throw new InvalidDataException($"{dataFile}: schema version {run.SchemaVersion} is not one this tool reads (1 to {RunData.CurrentSchema})");
    }
}
