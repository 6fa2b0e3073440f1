using System.Diagnostics;

namespace IoBench.Tests.Benchmarks;

/// <summary>With no server answering, the app skips the Postgres family in one line and runs the rest normally.</summary>
public sealed class PostgresSkipTests
{
    [Fact]
    public async Task App_NoPostgresServer_SkipsPostgresInOneLineAndRunsTheRest()
    {
        var artifacts = Directory.CreateTempSubdirectory("iobench-skip-");
        try
        {
            var (exitCode, output) = await RunAppAsync(
                "--quick", "--filter", "*Sleep*", "*Postgres*", "--ops", "1", "--strategies", "Sequential",
                "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Password=nothing;Timeout=3",
                "--artifacts", artifacts.FullName);

            var skipLines = output.Split('\n').Where(l => l.Contains("skipping the Postgres benchmarks", StringComparison.Ordinal)).ToList();
            var skip = Assert.Single(skipLines);
            Assert.Contains("scripts/postgres.sh start", skip, StringComparison.Ordinal);
            Assert.Equal(0, exitCode);
            var report = await File.ReadAllTextAsync(Path.Combine(artifacts.FullName, "results", "iobench-report.md"));
            Assert.Contains("## Sleep", report, StringComparison.Ordinal);
            Assert.DoesNotContain("## Postgres", report, StringComparison.Ordinal);
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    /// <summary>Runs the benchmark app built beside this test assembly (--quick runs in process, so no project build).</summary>
    private static async Task<(int ExitCode, string Output)> RunAppAsync(params string[] args)
    {
        var app = Repository.PathOf("benchmarks", "IoBench.Benchmarks", "bin", Repository.Configuration, "net10.0", "IoBench.Benchmarks.dll");
        Assert.True(File.Exists(app), $"benchmark app not built: {app}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(app)! };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The suite's own variables from the test environment (CI sets IOBENCH_POSTGRES) must not steer this run.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("IOBENCH_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // BenchmarkDotNet refuses an assembly under the temp folder (a clone under /tmp in CI): a temp folder of its own avoids that.
        var temp = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(app)!, "iobench-tmp")).FullName;
        start.Environment["TMPDIR"] = temp;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
