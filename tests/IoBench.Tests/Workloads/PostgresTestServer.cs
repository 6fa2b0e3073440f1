using IoBench.Core.Workloads;
using Npgsql;

namespace IoBench.Tests.Workloads;

/// <summary>
/// The real server the Postgres tests talk to: IOBENCH_POSTGRES (scripts/test.sh sets it after starting one).
/// Each test names its connections with its own Application Name, so pg_stat_activity shows exactly its own.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "IOBENCH_POSTGRES";

    public const string SkipReason =
        "IOBENCH_POSTGRES is not set: run `scripts/postgres.sh start` and `export IOBENCH_POSTGRES=\"$(scripts/postgres.sh url)\"` (scripts/test.sh does both).";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : throw new InvalidOperationException(SkipReason);

    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));

    /// <summary>A distinctive Application Name (Postgres keeps 63 bytes of it).</summary>
    public static string UniqueApplicationName() => $"iobench-test-{Guid.NewGuid():N}";

    public static PostgresDatabase Database(int poolSize, string? applicationName = null, string? extra = null) =>
        new(extra is null ? ConnectionString : $"{ConnectionString};{extra}", poolSize, applicationName ?? UniqueApplicationName());

    /// <summary>The server's count of connections with this Application Name: (all, idle).</summary>
    public static async Task<(long All, long Idle)> CountConnectionsAsync(string applicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, ApplicationName = "iobench-test-observer" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(*) FILTER (WHERE state = 'idle') FROM pg_stat_activity WHERE application_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = applicationName });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Polls until the count matches (a closed connection's server process ends a moment later).</summary>
    public static async Task<(long All, long Idle)> WaitForConnectionsAsync(string applicationName, long expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var counts = await CountConnectionsAsync(applicationName);
            if (counts.All == expected || DateTime.UtcNow > deadline)
            {
                return counts;
            }

            await Task.Delay(50);
        }
    }
}
