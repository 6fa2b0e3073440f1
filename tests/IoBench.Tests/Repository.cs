namespace IoBench.Tests;

/// <summary>Finds the repository the tests were built from (the folder that holds Benchmarks.sln), wherever it was cloned.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of this test assembly (bin/&lt;Configuration&gt;/&lt;tfm&gt;/).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Benchmarks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Benchmarks.sln above {AppContext.BaseDirectory}.");
    }
}
