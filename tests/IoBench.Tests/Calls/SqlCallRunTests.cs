using IoBench.Tests.Faults;
using IoBench.Tests.Workloads;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace IoBench.Tests.Calls;

/// <summary>
/// A real --sql-call run (out of process, as a user runs it), on a SQLite file and on the project's PostgreSQL server:
/// the run ends with exit code 0, the report is titled with the statement and carries the decision section, the data file
/// names the call, and on PostgreSQL the connection string's password reaches no artifact (the data file shows it masked).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SqlCallRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task App_SqliteFile_ReportHasTheDecisionAndTheFileIsUnchanged()
    {
        var folder = Directory.CreateTempSubdirectory("iobench-sqlcall-run-").FullName;
        try
        {
            var file = Path.Combine(folder, "accounts.db");
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE accounts(id INTEGER PRIMARY KEY, name TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO accounts SELECT i, 'name ' || i FROM n;";
                await command.ExecuteNonQueryAsync();
            }

            var before = await File.ReadAllBytesAsync(file);
            await using var app = RunningApp.Start("--sql-call", "SELECT id, name FROM accounts", "--sqlite-file", file, "--strategies", "Sequential,Task", "--ops", "1,10");
            var exitCode = await app.WaitForExitAsync(TimeSpan.FromMinutes(5));
            output.WriteLine(app.Output);

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{app.Output}");
            var report = await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-report.md"));
            Assert.Contains("## Decision: SELECT id, name FROM accounts on SQLite accounts.db", report, StringComparison.Ordinal);
            output.WriteLine(string.Join('\n', report.Split('\n').Where(l => l.StartsWith("| Task ", StringComparison.Ordinal))));
            Assert.Matches(@"\| Task \|.*\| [0-9.,]+ (ms|μs|us) \[", report);
            Assert.Contains("\"Call\": \"SELECT id, name FROM accounts on SQLite accounts.db\"", await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-data.json")), StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync(file)); // read-only: the calls changed nothing
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task App_Postgres_ReportHasTheDecisionAndThePasswordIsMaskedEverywhere()
    {
        var password = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString).Password;
        Assert.False(string.IsNullOrEmpty(password), "the test server's connection string has no password to look for");
        const string statement = "SELECT sum(x) FROM (SELECT generate_series(1, 1000) AS x) s";
        await using var app = RunningApp.Start("--sql-call", statement, "--postgres", PostgresTestServer.ConnectionString, "--strategies", "Sequential,Task", "--ops", "1,10");
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromMinutes(5));
        output.WriteLine(app.Output);

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{app.Output}");
        var report = await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-report.md"));
        Assert.Contains($"## Decision: {statement} on PostgreSQL", report, StringComparison.Ordinal);
        var data = await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-data.json"));
        Assert.Contains("password=***", data, StringComparison.OrdinalIgnoreCase);

        // "password=<it>" in any casing and spacing, in the console or any file of the run: the key beside the value,
        // since the test server's password may also be its user's or database's name.
        var leak = new System.Text.RegularExpressions.Regex($@"(?i)password\s*=\s*{System.Text.RegularExpressions.Regex.Escape(password)}");
        Assert.DoesNotMatch(leak, app.Output);
        var leaking = Directory.EnumerateFiles(app.Artifacts, "*", SearchOption.AllDirectories).Where(f => leak.IsMatch(File.ReadAllText(f))).ToList();
        Assert.True(leaking.Count == 0, $"the password is in: {string.Join(", ", leaking)}");
    }
}
