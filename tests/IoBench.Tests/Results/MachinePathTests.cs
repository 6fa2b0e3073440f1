using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace IoBench.Tests.Results;

/// <summary>
/// No published file names a folder of the machine it was made on (scripts/publish.sh writes the repository as "." and
/// the home folder as "~"): every file under results/ is read, the gzipped logs and JSON decompressed. The defect it
/// catches: the runs of 2026-11-22 to 2026-11-23 published with /work/main/... in 5,374 log lines.
/// </summary>
public sealed partial class MachinePathTests
{
    [Fact]
    public void PublishedResults_HoldNoAbsolutePathOfTheMachine()
    {
        var found = Directory.EnumerateFiles(Repository.PathOf("results"), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => Find(ReadText(file)).Select(hit => $"{Path.GetRelativePath(Repository.Root, file)}: {hit}"))
            .ToList();
        Assert.True(found.Count == 0, $"{found.Count} machine paths, the first: {string.Join(Environment.NewLine, found.Take(10))}");
    }

    [Fact]
    public void Find_APlantedPath_InAFileOrAGzippedLog_IsFound()
    {
        var folder = Directory.CreateTempSubdirectory("iobench-paths-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "report.md"), "ran in /work/main/benchmarks/IoBench.Benchmarks/bin\n");
            using (var gz = new GZipStream(File.Create(Path.Combine(folder, "run.log.gz")), CompressionLevel.Optimal))
            {
                gz.Write(Encoding.UTF8.GetBytes("// Execute: dotnet x.dll in \"/home/alice/IoBench/bin\"\nok\n"));
            }

            Assert.Equal(["/work/main/benchmarks/IoBench.Benchmarks/bin"], Find(ReadText(Path.Combine(folder, "report.md"))));
            Assert.Equal(["/home/alice/IoBench/bin"], Find(ReadText(Path.Combine(folder, "run.log.gz"))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("/tmp/iobench-sqlite-QtgS9Z/iobench.db stayed locked")]
    [InlineData("--artifacts /var/tmp/iobench-publish.Ab12/results")]
    [InlineData("`/root/IoBench/results`")]
    [InlineData("(/Users/bob/src/x.cs:12)")]
    [InlineData("path=/mnt/data/run")]
    [InlineData(@"in C:\Users\bob\IoBench")]
    public void Find_MachineFolders_AreFound(string text) => Assert.Single(Find(text));

    [Theory]
    [InlineData("Load average (/proc/loadavg: 1, 5, 15 minutes)")]
    [InlineData("GET http://127.0.0.1:58080/tmp/home/work and https://github.com/dotnet/performance/tree/main/src")]
    [InlineData("in ./benchmarks/IoBench.Benchmarks/bin and ~/work/x, ../../tmp/y")]
    [InlineData("postgres.sh: already running on 127.0.0.1:55432 (data: /var/lib/iobench/postgres)")]
    [InlineData("N×L/max(L) = 1000/1 and 20 ms/op, a/b/c")]
    [InlineData("dotnet at /usr/share/dotnet/dotnet")]
    public void Find_LegitimateText_FindsNothing(string text) => Assert.Empty(Find(text));

    /// <summary>
    /// The machine paths in <paramref name="text"/>: an absolute path that starts at a folder where users, workspaces or
    /// temporary files live (home folders, /root, /work, /tmp, /var/tmp, mounts; a Windows drive), or at this repository or
    /// home folder wherever they are. A path counts only where a path can start (not inside a URL, after "." or "~", or
    /// mid-word), so URLs, relative paths and the system's own fixed places (/proc/loadavg, /usr/share/dotnet, the
    /// project's /var/lib/iobench) are not machine paths.
    /// </summary>
    public static IReadOnlyList<string> Find(string text)
    {
        var hits = MachinePath().Matches(text).Select(m => m.Value).ToList();
        foreach (var own in new[] { Repository.Root, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }.Where(p => p.Length > 1))
        {
            for (var at = text.IndexOf(own, StringComparison.Ordinal); at >= 0; at = text.IndexOf(own, at + own.Length, StringComparison.Ordinal))
            {
                var end = at + own.Length;
                var whole = (at == 0 || !IsPathCharacter(text[at - 1])) && (end == text.Length || text[end] == '/' || !IsPathCharacter(text[end]));
                if (whole && !hits.Any(h => h.StartsWith(own, StringComparison.Ordinal)))
                {
                    hits.Add(own);
                }
            }
        }

        return hits;
    }

    private static bool IsPathCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '~' or ':' or '/' or '-' or '\\';

    private static string ReadText(string file)
    {
        using var stream = File.OpenRead(file);
        using var reader = new StreamReader(file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"(?<![\w.~:/\\-])(?:/(?:home|root|Users|work|tmp|var/tmp|private/var|mnt|media|run/user)/[^\s""'`)\]]*|[A-Za-z]:\\[^\s""'`)\]]+)")]
    private static partial Regex MachinePath();
}
