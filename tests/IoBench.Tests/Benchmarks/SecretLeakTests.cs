using System.Diagnostics;
using System.Text;
using IoBench.Tests.Scripts;
using IoBench.Tests.Workloads;
using Npgsql;

namespace IoBench.Tests.Benchmarks;

/// <summary>
/// A small suite run with a distinctive PostgreSQL password: the password appears in no artifact (console output,
/// reports, JSON, data files); reports show it as ***. Where scripts/postgres.sh manages the server IOBENCH_POSTGRES
/// names, the run logs in as a role of its own with that password, so the PostgreSQL benchmark really runs; elsewhere
/// the password is simply wrong, the family is skipped (the Sleep family keeps the run non-empty), and the artifacts
/// are checked all the same.
/// </summary>
public sealed class SecretLeakTests
{
    private const string Role = "iobench_secret_test"; // one fixed role (and database), re-passworded on every run

    [PostgresFact]
    public async Task App_DistinctivePostgresPassword_AppearsInNoArtifact()
    {
        var password = $"Pw-{Guid.NewGuid():N}-distinctive";
        var builder = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Password = password };
        var ownRole = await TryCreateRoleAsync(builder, password);
        if (ownRole)
        {
            builder.Username = Role;
            builder.Database = Role;
        }

        var artifacts = Directory.CreateTempSubdirectory("iobench-secret-");
        try
        {
            var (exitCode, output) = await BenchmarkApp.RunAsync(
                "--quick", "--filter", "*PostgresSleep*", "*.SleepBenchmarks.*", "--ops", "1", "--strategies", "Sequential",
                "--postgres", builder.ConnectionString, "--artifacts", artifacts.FullName);

            Assert.True(exitCode == 0, $"the app exited {exitCode}:\n{output}");
            var report = await File.ReadAllTextAsync(Path.Combine(artifacts.FullName, "results", "iobench-report.md"));
            Assert.Contains("password=***", report, StringComparison.OrdinalIgnoreCase);
            if (ownRole)
            {
                Assert.Contains("## Postgres", report, StringComparison.Ordinal); // the benchmark ran, logged in with the password
            }

            Assert.DoesNotContain(password, output, StringComparison.Ordinal);
            var files = Directory.EnumerateFiles(artifacts.FullName, "*", SearchOption.AllDirectories).ToList();
            Assert.NotEmpty(files);
            var needle = Encoding.UTF8.GetBytes(password);
            var needleUtf16 = Encoding.Unicode.GetBytes(password);
            var leaking = files.Where(f =>
            {
                var bytes = File.ReadAllBytes(f);
                return bytes.AsSpan().IndexOf(needle) >= 0 || bytes.AsSpan().IndexOf(needleUtf16) >= 0;
            }).ToList();
            Assert.True(leaking.Count == 0, $"the password is in: {string.Join(", ", leaking)}");
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Gives <see cref="Role"/> the password through scripts/postgres.sh (superuser over the data folder's socket), but
    /// only when the script reports a server of its own on the port IOBENCH_POSTGRES names: never starts one.
    /// </summary>
    private static async Task<bool> TryCreateRoleAsync(NpgsqlConnectionStringBuilder target, string password)
    {
        if (target.Host is not ("127.0.0.1" or "localhost"))
        {
            return false;
        }

        var port = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["IOBENCH_PG_PORT"] = port,
            ["IOBENCH_PG_USER"] = Role,
            ["IOBENCH_PG_PASSWORD"] = password,
            ["IOBENCH_PG_DB"] = Role,
        };
        var status = await PostgresScript.RunAsync(environment, "status", TimeSpan.FromMinutes(1));
        if (status.ExitCode != 0 || !status.Output.Contains($":{port} ", StringComparison.Ordinal))
        {
            return false;
        }

        return (await PostgresScript.RunAsync(environment, "start", TimeSpan.FromMinutes(1))).ExitCode == 0; // already running: only ensures the role and database
    }
}
