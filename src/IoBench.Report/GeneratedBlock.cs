using IoBench.Report.Claims;

namespace IoBench.Report;

/// <summary>
/// A table of results inside a hand-written markdown file (a README), rendered from a run's data file between two
/// markers that <c>scripts/report.sh</c> owns: the rest of the file stays as it was written. Every table of results in a
/// README is one of these, so none quotes a run by hand; the tests re-render each block found in the repository from the
/// run its report link names.
/// </summary>
public sealed class GeneratedBlock
{
    /// <summary>The at-a-glance tables, the claims and the findings (results/README.md: <c>--readme</c>).</summary>
    public static GeneratedBlock AtAGlanceTables { get; } = new(
        "--readme",
        "<!-- scripts/report.sh: generated from the current run's data file, do not edit by hand -->",
        "<!-- scripts/report.sh: end -->",
        Claims.AtAGlance.Render);

    /// <summary>The headline table (the repository's README: <c>--headline</c>).</summary>
    public static GeneratedBlock HeadlineTable { get; } = new(
        "--headline",
        "<!-- scripts/report.sh --headline: generated from the current run's data file, do not edit by hand -->",
        "<!-- scripts/report.sh --headline: end -->",
        Headline.Render);

    public static IReadOnlyList<GeneratedBlock> All { get; } = [AtAGlanceTables, HeadlineTable];

    private readonly Func<RunData, string, string> _render;

    private GeneratedBlock(string option, string begin, string end, Func<RunData, string, string> render) =>
        (Option, Begin, End, _render) = (option, begin, end, render);

    /// <summary>The report command's option that writes this block into a file.</summary>
    public string Option { get; }

    public string Begin { get; }

    public string End { get; }

    /// <summary>The block with its markers, its links relative to <paramref name="file"/>'s folder.</summary>
    public string Render(string file, string runFolder, RunData run)
    {
        var links = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFullPath(runFolder)).Replace('\\', '/') + "/";
        return $"{Begin}\n{_render(run, links)}{End}";
    }

    /// <summary>The block as <paramref name="text"/> holds it, markers included; null when it holds none.</summary>
    public string? Find(string text)
    {
        var (from, to) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        return from >= 0 && to > from ? text[from..(to + End.Length)] : null;
    }

    /// <summary>Puts the block into <paramref name="file"/> between its markers, or appends it with them; returns the path written.</summary>
    public string Write(string file, string runFolder, RunData run) => Write(file, Render(file, runFolder, run));

    /// <summary>Puts <paramref name="block"/>, as <see cref="Render"/> made it for <paramref name="file"/>, into the file.</summary>
    public string Write(string file, string block)
    {
        var text = File.Exists(file) ? File.ReadAllText(file) : string.Empty;
        text = Find(text) is { } old
            ? text.Replace(old, block, StringComparison.Ordinal)
            : text + (text.Length == 0 || text.EndsWith('\n') ? "\n" : "\n\n") + block + "\n";
        return ResultFile.Write(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileName(file), text);
    }
}
