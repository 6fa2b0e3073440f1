using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IoBench.Core.Workloads;
using Npgsql;

namespace IoBench.Tests.Workloads;

/// <summary>
/// --sql-call on the real server: a plain SELECT read whole in both forms, every write and every way around the
/// read-only protection refused with the table and the sequence untouched (read back on a connection of the test's
/// own), --allow-writes letting writes through, one-line probe messages without the password, and calls that start
/// failing mid-run failing at once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSqlCallWorkloadTests : IAsyncLifetime
{
    private const int Rows = 50;

    // Its own table, sequence and procedure per test: nothing another test (or a failed run) left behind can interfere.
    private readonly string _table = $"iobench_sqlcall_{Guid.NewGuid():N}"[..32];

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.IsConfigured)
        {
            await ExecuteAsync($"""
                CREATE TABLE {_table} (id integer PRIMARY KEY, label text NOT NULL);
                INSERT INTO {_table} SELECT g, 'label-' || g FROM generate_series(1, {Rows}) AS g;
                CREATE TABLE {_table}_cfg (seconds float8 NOT NULL);
                INSERT INTO {_table}_cfg VALUES (0);
                CREATE SEQUENCE {_table}_seq;
                CREATE PROCEDURE {_table}_escape() LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM set_config('default_transaction_read_only', 'off', false);
                    COMMIT;
                    DELETE FROM {_table};
                END $$;
                """);
        }
    }

    public async Task DisposeAsync()
    {
        if (PostgresTestServer.IsConfigured)
        {
            await ExecuteAsync($"DROP TABLE IF EXISTS {_table}, {_table}_cfg; DROP SEQUENCE IF EXISTS {_table}_seq; DROP PROCEDURE IF EXISTS {_table}_escape");
        }
    }

    [PostgresFact]
    public async Task PlainSelect_BothForms_ReadEveryRowOfEveryCall()
    {
        await using var workload = SqlCallWorkload.ForPostgres(PostgresTestServer.ConnectionString, $"SELECT id, label, now() FROM {_table}", poolSize: 2, allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);
        Assert.Equal(Rows, workload.ProbeRows);

        for (var i = 0; i < 3; i++)
        {
            workload.Run(CancellationToken.None);
            await workload.RunAsync(CancellationToken.None);
        }

        Assert.Equal(6 * Rows, workload.RowsRead);
        Assert.Equal(WorkloadNames.SqlCall, workload.Name);
        Assert.Equal(WorkloadTraits.None, workload.Traits);
    }

    [PostgresTheory]
    [InlineData("WITH d AS (DELETE FROM {t} RETURNING *) SELECT * FROM d", "25006")]
    [InlineData("SELECT nextval('{t}_seq')", "25006")]
    [InlineData("SELECT * FROM {t} FOR UPDATE", "25006")]
    [InlineData("SELECT 1; DROP TABLE {t}", "42601")]
    [InlineData("DELETE FROM {t}", "25006")]
    [InlineData("UPDATE {t} SET label = 'changed'", "25006")]
    [InlineData("TRUNCATE {t}", "25006")]
    // Ways around default_transaction_read_only alone: several commands (the server refuses the text), and a COMMIT
    // inside a DO block or a procedure, which would start a read-write transaction (the workload's own transaction refuses it).
    [InlineData("BEGIN READ WRITE; DELETE FROM {t}; COMMIT", "42601")]
    [InlineData("SET default_transaction_read_only = off; DELETE FROM {t}", "42601")]
    [InlineData("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; DELETE FROM {t}", "42601")]
    [InlineData("DO $$BEGIN PERFORM set_config('default_transaction_read_only', 'off', false); COMMIT; DELETE FROM {t}; END$$", "2D000")]
    [InlineData("CALL {t}_escape()", "2D000")]
    [InlineData("DO $$BEGIN SET LOCAL transaction_read_only = off; DELETE FROM {t}; END$$", "25001")]
    public async Task ReadOnly_WriteOrEscape_RefusedWithoutEffect(string statement, string sqlState)
    {
        await using var workload = SqlCallWorkload.ForPostgres(PostgresTestServer.ConnectionString, statement.Replace("{t}", _table), poolSize: 1, allowWrites: false);

        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains(sqlState, error.Message);
        Assert.Contains("Password=***", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
        await AssertUntouchedAsync();
    }

    [PostgresFact]
    public async Task ReadOnly_StatementSwitchingItsTransactionReadWrite_WritesNothing()
    {
        // One statement may make the workload's transaction read-write, but no statement of its own follows it there.
        await using var workload = SqlCallWorkload.ForPostgres(PostgresTestServer.ConnectionString, "SET transaction_read_only = off", poolSize: 1, allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);
        workload.Run(CancellationToken.None);
        await workload.RunAsync(CancellationToken.None);

        await AssertUntouchedAsync();
    }

    [PostgresFact]
    public async Task AllowWrites_Writes_GoThroughOnEveryCall()
    {
        await using (var next = SqlCallWorkload.ForPostgres(PostgresTestServer.ConnectionString, $"SELECT nextval('{_table}_seq')", poolSize: 1, allowWrites: true))
        {
            await next.SetupAsync(CancellationToken.None);
            next.Run(CancellationToken.None);
            await next.RunAsync(CancellationToken.None);
        }

        await using (var delete = SqlCallWorkload.ForPostgres(PostgresTestServer.ConnectionString, $"WITH d AS (DELETE FROM {_table} WHERE id <= 10 RETURNING *) SELECT * FROM d", poolSize: 1, allowWrites: true))
        {
            await delete.SetupAsync(CancellationToken.None);
            Assert.Equal(10, delete.ProbeRows);
        }

        Assert.Equal(3L, await ScalarAsync($"SELECT last_value FROM {_table}_seq"));
        Assert.Equal((long)Rows - 10, await ScalarAsync($"SELECT count(*) FROM {_table}"));
    }

    [PostgresFact]
    public async Task Probe_WrongPassword_OneLineWithoutThePassword()
    {
        var password = $"Wr0ng-Pa55-{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Password = password };
        await using var workload = SqlCallWorkload.ForPostgres(builder.ConnectionString, "SELECT 1", poolSize: 1, allowWrites: false);

        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains("28P01", error.Message);
        Assert.Contains($"Host={builder.Host}", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Password=***", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(password, error.ToString());
        Assert.DoesNotContain(password, workload.TargetDisplay);
    }

    [PostgresFact]
    public async Task Probe_NoServerListening_NamesTheTargetAndTheError()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Host = "127.0.0.1", Port = FreePort() };
        await using var workload = SqlCallWorkload.ForPostgres(builder.ConnectionString, "SELECT 1", poolSize: 1, allowWrites: false);

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains($"Port={builder.Port}", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(15));
    }

    [PostgresFact]
    public async Task Probe_UnknownTable_NamesTheServerError()
    {
        await using var workload = SqlCallWorkload.ForPostgres(PostgresTestServer.ConnectionString, $"SELECT * FROM {_table}_missing", poolSize: 1, allowWrites: false);

        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains("42P01", error.Message);
        Assert.Contains($"{_table}_missing", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [PostgresFact]
    public async Task MidRun_TableDroppedElsewhere_NextCallsFailWithTheServerError()
    {
        await using var workload = SqlCallWorkload.ForPostgres(PostgresTestServer.ConnectionString, $"SELECT * FROM {_table}", poolSize: 1, allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);
        workload.Run(CancellationToken.None);

        await ExecuteAsync($"DROP TABLE {_table}");

        var blocking = Assert.Throws<PostgresException>(() => workload.Run(CancellationToken.None));
        var async = await Assert.ThrowsAsync<PostgresException>(() => workload.RunAsync(CancellationToken.None).AsTask());
        Assert.Equal(PostgresErrorCodes.UndefinedTable, blocking.SqlState);
        Assert.Equal(PostgresErrorCodes.UndefinedTable, async.SqlState);
    }

    [PostgresFact]
    public async Task MidRun_ServerEndsTheConnection_TheCallOnItFailsAndTheNextOneReconnects()
    {
        var name = PostgresTestServer.UniqueApplicationName();
        var connection = $"{PostgresTestServer.ConnectionString};Application Name={name}";
        await using var workload = SqlCallWorkload.ForPostgres(connection, $"SELECT * FROM {_table}", poolSize: 1, allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);
        workload.Run(CancellationToken.None);

        await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{name}'");
        Assert.Equal(0, (await PostgresTestServer.WaitForConnectionsAsync(name, 0, TimeSpan.FromSeconds(5))).All);

        Assert.ThrowsAny<NpgsqlException>(() => workload.Run(CancellationToken.None));
        await workload.RunAsync(CancellationToken.None);
        Assert.Equal(2L * Rows, workload.RowsRead);
    }

    [PostgresTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancellation_LongStatement_EndsPromptly(bool async)
    {
        await using var workload = SqlCallWorkload.ForPostgres(PostgresTestServer.ConnectionString, $"SELECT pg_sleep(seconds) FROM {_table}_cfg", poolSize: 1, allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);
        await ExecuteAsync($"UPDATE {_table}_cfg SET seconds = 60");

        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = Stopwatch.GetTimestamp();
        var error = async
            ? await Record.ExceptionAsync(() => workload.RunAsync(deadline.Token).AsTask())
            : Record.Exception(() => workload.Run(deadline.Token));

        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.True(error is OperationCanceledException or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }, $"{error}");
    }

    [PostgresFact]
    public async Task Pool_P_BoundsTheConnectionsAndDisposeClosesThem()
    {
        var name = PostgresTestServer.UniqueApplicationName();
        var workload = SqlCallWorkload.ForPostgres($"{PostgresTestServer.ConnectionString};Application Name={name}", "SELECT pg_sleep(0.05)", poolSize: 2, allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => workload.RunAsync(CancellationToken.None).AsTask()));

        Assert.Equal(2, (await PostgresTestServer.CountConnectionsAsync(name)).All);
        await workload.DisposeAsync();
        Assert.Equal(0, (await PostgresTestServer.WaitForConnectionsAsync(name, 0, TimeSpan.FromSeconds(5))).All);
    }

    private async Task AssertUntouchedAsync()
    {
        Assert.Equal((long)Rows, await ScalarAsync($"SELECT count(*) FROM {_table} WHERE label = 'label-' || id"));
        Assert.Equal(false, await ScalarAsync($"SELECT is_called FROM {_table}_seq"));
    }

    private static async Task<object?> ScalarAsync(string sql)
    {
        await using var source = NpgsqlDataSource.Create(PostgresTestServer.ConnectionString);
        await using var command = source.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var source = NpgsqlDataSource.Create(PostgresTestServer.ConnectionString);
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    // A port nothing listens on: the one the system just gave a listener that is closed again.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
