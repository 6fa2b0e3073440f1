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
            var (exitCode, output) = await BenchmarkApp.RunAsync(
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
}
