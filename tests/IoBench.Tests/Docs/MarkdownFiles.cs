using System.Text;
using System.Text.RegularExpressions;

namespace IoBench.Tests.Docs;

/// <summary>
/// The repository's markdown files and what a reader follows in them: relative links and the anchors GitHub makes from
/// headings. Hand-written, not a markdown library: links and headings are all the tests need, and code (fenced blocks,
/// inline code) is left out so that a shell comment or a `[x](y)` in an example is not read as either.
/// </summary>
internal static partial class MarkdownFiles
{
    /// <summary>Build output, BenchmarkDotNet's artifacts and fetched runtimes are not the repository's documents.</summary>
    private static readonly string[] Skipped = ["bin", "obj", "BenchmarkDotNet.Artifacts", ".git", ".runtimes", "artifacts", "node_modules", "TestResults"];

    public static IEnumerable<string> All() => Under(Repository.Root);

    private static IEnumerable<string> Under(string folder)
    {
        foreach (var file in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var sub in Directory.GetDirectories(folder).Where(d => !Skipped.Contains(Path.GetFileName(d))).Order(StringComparer.Ordinal))
        {
            foreach (var file in Under(sub))
            {
                yield return file;
            }
        }
    }

    /// <summary>The lines outside fenced code blocks, with their inline code blanked, numbered from 1.</summary>
    public static IEnumerable<(int Line, string Text)> Prose(string file) =>
        OutsideFences(file).Select(l => (l.Line, InlineCode().Replace(l.Text, m => new string(' ', m.Length))));

    /// <summary>The lines outside fenced code blocks (``` or ~~~), as they are, numbered from 1.</summary>
    private static IEnumerable<(int Line, string Text)> OutsideFences(string file)
    {
        var inFence = false;
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                yield return (number, line);
            }
        }
    }

    /// <summary>Every link target of the file that is not a URL, with its line.</summary>
    public static IEnumerable<(int Line, string Target)> RelativeLinks(string file) =>
        Prose(file).SelectMany(l => Link().Matches(l.Text).Select(m => (l.Line, Target: m.Groups["target"].Value)))
            .Where(l => !UrlScheme().IsMatch(l.Target));

    /// <summary>The anchors GitHub gives the file's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered.</summary>
    public static IReadOnlySet<string> Anchors(string file)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, text) in HeadingLines(file))
        {
            var slug = Slug(text);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    /// <summary>GitHub's rule: keep letters, digits, spaces, hyphens and underscores; lower case; each space a hyphen.</summary>
    public static string Slug(string heading)
    {
        var text = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('-');
            }
        }

        return text.ToString();
    }

    /// <summary>ATX headings outside code, their text with inline code kept (GitHub slugs the code's text too).</summary>
    private static IEnumerable<(int Line, string Text)> HeadingLines(string file) =>
        OutsideFences(file).Select(l => (l.Line, Match: Heading().Match(l.Text)))
            .Where(h => h.Match.Success)
            .Select(h => (h.Line, LinkText().Replace(h.Match.Groups["text"].Value, "$1")));

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    // [text](target) and [text](target "title"); ![alt](image) too. Targets in angle brackets may hold spaces.
    [GeneratedRegex(@"\]\((?:<(?<target>[^>]*)>|(?<target>[^)\s]*))(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkText();
}
