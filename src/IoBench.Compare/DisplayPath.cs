namespace IoBench.Compare;

/// <summary>
/// A result folder as a report names it: relative to the repository that holds it (results/2026-11-23-...), or to the
/// current folder when it lies outside any, never the absolute path of the machine the comparison ran on. A
/// "FOLDER@net8.0" side keeps its runtime.
/// </summary>
public static class DisplayPath
{
    public static string Of(string path)
    {
        var at = path.LastIndexOf('@');
        if (at > 0 && !File.Exists(path) && !Directory.Exists(path))
        {
            return $"{Of(path[..at])}{path[at..]}";
        }

        var full = Path.GetFullPath(path);
        var root = RepositoryOf(full);
        var relative = Path.GetRelativePath(root ?? Directory.GetCurrentDirectory(), full);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The nearest folder above (or at) the path holding a .git entry (a folder, or a file in a worktree).</summary>
    private static string? RepositoryOf(string fullPath)
    {
        for (var folder = Directory.Exists(fullPath) ? fullPath : Path.GetDirectoryName(fullPath); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var git = Path.Combine(folder, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return folder;
            }
        }

        return null;
    }
}
