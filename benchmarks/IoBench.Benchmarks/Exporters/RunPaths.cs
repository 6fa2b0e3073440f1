using System.Collections.Concurrent;
using IoBench.Report.Claims;

namespace IoBench.Benchmarks.Exporters;

/// <summary>
/// The files the suite's exporters wrote in a run, and the lines a run ends with: where its report, at-a-glance, charts
/// and data file are, from the folder the user stands in, and the one command that compares it with another run. Recorded
/// as the exporters write rather than looked up afterwards, so a file left by an earlier run is never named.
/// </summary>
public sealed class RunPaths
{
    private readonly ConcurrentQueue<string> written = new();

    public IReadOnlyList<string> Written => [.. written];

    public void Add(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            written.Enqueue(Path.GetFullPath(path));
        }
    }

    /// <summary>
    /// The closing lines for <paramref name="files"/> (none when nothing was written). A path is shown relative to
    /// <paramref name="currentDirectory"/> when it lies below it, or when both lie in <paramref name="repository"/>
    /// (../../scripts/compare-runs.sh from the app's folder), and whole otherwise (a run written to /var/tmp).
    /// </summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<string> files, string currentDirectory, string? repository, bool severalRuntimes)
    {
        var data = files.FirstOrDefault(f => Path.GetFileName(f) == DataExporter.FileName);
        if (data is null)
        {
            return [];
        }

        string Show(string path) => Display(path, currentDirectory, repository);
        var folder = Path.GetDirectoryName(data)!;
        var lines = new List<string> { "iobench: the run wrote (paths from the current folder):" };
        lines.AddRange(files.Where(f => f.EndsWith(".md", StringComparison.Ordinal) && Path.GetFileName(f) != AtAGlance.FileName).Select(f => $"  report       {Show(f)}"));
        lines.AddRange(files.Where(f => Path.GetFileName(f) == AtAGlance.FileName).Select(f => $"  at a glance  {Show(f)}"));
        lines.AddRange(files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)).Select(f => $"  chart        {Show(f)}"));
        lines.Add($"  data         {Show(data)}");
        var compare = repository is null ? "scripts/compare-runs.sh" : Show(Path.Combine(repository, "scripts", "compare-runs.sh"));
        lines.Add(severalRuntimes
            ? $"  compare      {compare} {Show(folder)}   (each runtime against the first)"
            : $"  compare      {compare} OTHER-RUN {Show(folder)}   (this run against OTHER-RUN, a result folder)");
        return lines;
    }

    private static string Display(string path, string currentDirectory, string? repository)
    {
        return IsUnder(path, currentDirectory) || (repository is not null && IsUnder(path, repository) && IsUnder(currentDirectory, repository))
            ? Path.GetRelativePath(currentDirectory, path)
            : path;
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
