using System.Diagnostics;

namespace IoBench.Tests.Scripts;

/// <summary>
/// scripts/postgres.sh on a simulated machine that is not Debian: no apt-get on PATH and no PostgreSQL binaries
/// (IOBENCH_PG_BIN names an empty folder). It must stop at once with one line saying what to install or set,
/// without creating its data folder or touching any running server (its own data folder and port).
/// </summary>
public sealed class PostgresScriptWithoutAptTests
{
    [Fact]
    public async Task Start_NoAptGetNoBinaries_FailsFastInOneLineNamingWhatToDo()
    {
        var root = Directory.CreateTempSubdirectory("iobench-noapt-");
        try
        {
            var path = Directory.CreateDirectory(Path.Combine(root.FullName, "path")).FullName;
            var emptyBin = Directory.CreateDirectory(Path.Combine(root.FullName, "pgbin")).FullName;
            var data = Path.Combine(root.FullName, "data");
            LinkToolsExceptApt(path);

            var result = await PostgresScript.RunAsync(
                new Dictionary<string, string>
                {
                    ["PATH"] = path,
                    ["IOBENCH_PG_BIN"] = emptyBin,
                    ["IOBENCH_PG_DATA"] = data,
                    ["IOBENCH_PG_PORT"] = "1", // no server is ever started there; the script must stop before any port is used
                },
                "start",
                TimeSpan.FromSeconds(30));

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(string.Empty, result.Stdout);
            var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("postgres.sh: error: PostgreSQL is not installed and there is no apt-get", line, StringComparison.Ordinal);
            Assert.Contains("IOBENCH_PG_BIN", line, StringComparison.Ordinal);
            Assert.Contains("IOBENCH_POSTGRES", line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(data), "the script created its data folder before failing");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>A PATH folder with every command of this machine except apt and apt-get, first one of a name wins.</summary>
    private static void LinkToolsExceptApt(string path)
    {
        foreach (var folder in new[] { "/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Where(Directory.Exists))
        {
            foreach (var tool in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(tool);
                var link = Path.Combine(path, name);
                if (!name.StartsWith("apt", StringComparison.Ordinal) && !File.Exists(link) && !Directory.Exists(link))
                {
                    File.CreateSymbolicLink(link, tool);
                }
            }
        }
    }
}
