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

            var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Repository.PathOf("scripts", "postgres.sh"));
            start.ArgumentList.Add("start");
            start.Environment["PATH"] = path;
            start.Environment["IOBENCH_PG_BIN"] = emptyBin;
            start.Environment["IOBENCH_PG_DATA"] = data;
            start.Environment["IOBENCH_PG_PORT"] = "1"; // no server is ever started there; the script must stop before any port is used
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.Equal(string.Empty, await stdout);
            var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
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
