namespace IoBench.Tests.Docs;

/// <summary>
/// Every relative link of every markdown file in the repository leads somewhere: the file or folder exists, and an
/// anchor names a heading of the markdown file it points into. The defect: documentation moved or a file renamed, and a
/// reader following a link from the README lands on GitHub's 404.
/// </summary>
public sealed class MarkdownLinkTests
{
    [Fact]
    public void EveryRelativeLink_OfEveryMarkdownFile_Resolves()
    {
        var broken = new List<string>();
        var anchors = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var file in MarkdownFiles.All())
        {
            foreach (var (line, target) in MarkdownFiles.RelativeLinks(file))
            {
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var (path, anchor) = hash >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, null);
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                var where = $"{Path.GetRelativePath(Repository.Root, file)}:{line}: ({target})";
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{where} no such file");
                }
                else if (anchor is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.Ordinal) && File.Exists(resolved)
                    && !(anchors.TryGetValue(resolved, out var known) ? known : anchors[resolved] = MarkdownFiles.Anchors(resolved)).Contains(anchor))
                {
                    broken.Add($"{where} no heading #{anchor}");
                }
            }
        }

        Assert.True(broken.Count == 0, $"{broken.Count} broken links:\n{string.Join('\n', broken)}");
    }

    [Theory]
    [InlineData("Your own call (`--http-call`, `--sql-call`)", "your-own-call---http-call---sql-call")]
    [InlineData("The strategies' own cost", "the-strategies-own-cost")]
    [InlineData(".NET 8, 9 and 10", "net-8-9-and-10")]
    [InlineData("N×L and max(L) beside the Mean: `IoBench.Core.Columns`", "nl-and-maxl-beside-the-mean-iobenchcorecolumns")]
    public void Slug_Heading_IsGitHubsAnchor(string heading, string anchor) =>
        Assert.Equal(anchor, MarkdownFiles.Slug(heading));

    [Fact]
    public void RelativeLinks_LinksInCodeAndUrls_AreNotRead()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "[a](a.md) `[b](b.md)` [c](https://example.org/c.md)\n```\n[d](d.md)\n```\n[e](<e f.md> \"title\")\n");

            Assert.Equal(["a.md", "e f.md"], MarkdownFiles.RelativeLinks(file).Select(l => l.Target));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
