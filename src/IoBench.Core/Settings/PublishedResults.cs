namespace IoBench.Core.Settings;

/// <summary>
/// Keeps a run from writing its BenchmarkDotNet artifacts (<c>--artifacts DIR</c>, BenchmarkDotNet's own option) into a
/// published run under the repository's results/ folder: an existing, non-empty folder there is refused unless
/// <see cref="SuiteSettings.OverwriteResults"/> is on.
/// </summary>
public static class PublishedResults
{
    /// <summary>Throws a <see cref="SettingsException"/> when the arguments would write into a published run.</summary>
    public static void Check(IReadOnlyList<string> benchmarkArgs, SuiteSettings settings, string currentDirectory)
    {
        if (settings.OverwriteResults || ArtifactsFolder(benchmarkArgs) is not { } folder || FindRepository(currentDirectory) is not { } repository)
        {
            return;
        }

        var target = Path.GetFullPath(folder, currentDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var results = Path.Combine(repository, "results");
        var inside = target == results || target.StartsWith(results + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (inside && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new SettingsException(
                $"--artifacts {folder} is a published folder under results/ that is not empty: choose a new folder, or add --overwrite-results to write into it.");
        }
    }

    /// <summary>The value of BenchmarkDotNet's --artifacts option (the last one given wins), if any.</summary>
    private static string? ArtifactsFolder(IReadOnlyList<string> args)
    {
        string? folder = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--artifacts" && i + 1 < args.Count)
            {
                folder = args[++i];
            }
            else if (args[i].StartsWith("--artifacts=", StringComparison.Ordinal))
            {
                folder = args[i]["--artifacts=".Length..];
            }
        }

        return string.IsNullOrWhiteSpace(folder) ? null : folder;
    }

    /// <summary>The repository a folder lies in: the nearest folder at or above it holding Benchmarks.sln; null outside one.</summary>
    public static string? FindRepository(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Benchmarks.sln")))
            {
                return folder.FullName.TrimEnd(Path.DirectorySeparatorChar);
            }
        }

        return null;
    }
}
