using System.Diagnostics;
using IoBench.Core.Workloads;
using Microsoft.Data.Sqlite;

namespace IoBench.Tests.Workloads;

/// <summary>
/// --sql-call on a real SQLite file in a temporary folder: a plain SELECT read whole in both forms, every write refused
/// by the read-only connection with the file untouched (read back on a writable connection of the test's own),
/// --allow-writes letting writes through, probe messages for a missing file, a file that is no database and an unknown
/// table, and calls that start failing mid-run or are cancelled.
/// </summary>
public sealed class SqliteSqlCallWorkloadTests : IDisposable
{
    private const int Rows = 50;

    private readonly string _folder = TemporaryFolder.Create("iobench-sqlcall-test-");

    public SqliteSqlCallWorkloadTests()
    {
        File = Path.Combine(_folder, "user.db");
        Execute($"""
            CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
            WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {Rows}) INSERT INTO t SELECT n, 'label-' || n FROM g;
            CREATE TABLE cfg (n INTEGER NOT NULL);
            INSERT INTO cfg VALUES (10);
            CREATE TABLE calls (id INTEGER PRIMARY KEY);
            """);
    }

    private string File { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TemporaryFolder.Delete(_folder);
    }

    [Fact]
    public async Task PlainSelect_BothForms_ReadEveryRowOfEveryCall()
    {
        await using var workload = SqlCallWorkload.ForSqlite(File, "SELECT id, label, id * 2.5 FROM t", allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);
        Assert.Equal(Rows, workload.ProbeRows);

        for (var i = 0; i < 3; i++)
        {
            workload.Run(CancellationToken.None);
            var pending = workload.RunAsync(CancellationToken.None);
            Assert.True(pending.IsCompletedSuccessfully, "Microsoft.Data.Sqlite's async calls complete synchronously");
            await pending;
        }

        Assert.Equal(6 * Rows, workload.RowsRead);
        Assert.Equal(WorkloadTraits.CpuBound | WorkloadTraits.SynchronousAsync, workload.Traits);
    }

    [Fact]
    public async Task SeveralStatements_EveryResultSetRead()
    {
        await using var workload = SqlCallWorkload.ForSqlite(File, "SELECT id FROM t WHERE id <= 5; SELECT count(*) FROM t;", allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);

        Assert.Equal(6, workload.ProbeRows);
    }

    [Theory]
    [InlineData("DELETE FROM t")]
    [InlineData("DELETE FROM t RETURNING *")]
    [InlineData("UPDATE t SET label = 'changed'")]
    [InlineData("INSERT INTO t (id, label) VALUES (999, 'new')")]
    [InlineData("WITH d AS (SELECT 999 AS id) INSERT INTO t (id, label) SELECT id, 'new' FROM d")]
    [InlineData("SELECT 1; DROP TABLE t")]
    [InlineData("SELECT id FROM t; DELETE FROM t")]
    [InlineData("CREATE TABLE other (a)")]
    [InlineData("PRAGMA user_version = 7")]
    public async Task ReadOnly_Write_RefusedWithoutEffect(string statement)
    {
        await using var workload = SqlCallWorkload.ForSqlite(File, statement, allowWrites: false);

        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains("readonly database", error.Message);
        Assert.Contains(File, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal((long)Rows, Scalar("SELECT count(*) FROM t WHERE label = 'label-' || id"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'other'"));
        Assert.Equal(0L, Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task AllowWrites_Writes_GoThroughOnEveryCall()
    {
        await using (var insert = SqlCallWorkload.ForSqlite(File, "INSERT INTO calls DEFAULT VALUES", allowWrites: true))
        {
            await insert.SetupAsync(CancellationToken.None);
            insert.Run(CancellationToken.None);
            await insert.RunAsync(CancellationToken.None);
        }

        await using (var delete = SqlCallWorkload.ForSqlite(File, "DELETE FROM t WHERE id <= 10 RETURNING id", allowWrites: true))
        {
            await delete.SetupAsync(CancellationToken.None);
            Assert.Equal(10, delete.ProbeRows);
        }

        Assert.Equal(3L, Scalar("SELECT count(*) FROM calls"));
        Assert.Equal((long)Rows - 10, Scalar("SELECT count(*) FROM t"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Probe_MissingFile_NamesItAndCreatesNothing(bool allowWrites)
    {
        var missing = Path.Combine(_folder, "missing.db");
        await using var workload = SqlCallWorkload.ForSqlite(missing, "SELECT 1", allowWrites);

        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains(missing, error.Message);
        Assert.Contains("no such file", error.Message);
        Assert.False(System.IO.File.Exists(missing));
    }

    [Fact]
    public async Task Probe_FileThatIsNoDatabase_SaysSo()
    {
        var text = Path.Combine(_folder, "notes.txt");
        await System.IO.File.WriteAllTextAsync(text, new string('x', 4096));
        await using var workload = SqlCallWorkload.ForSqlite(text, "SELECT 1", allowWrites: false);

        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains("not a database", error.Message);
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public async Task Probe_UnknownTable_NamesTheError()
    {
        await using var workload = SqlCallWorkload.ForSqlite(File, "SELECT * FROM missing_table", allowWrites: false);

        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains("no such table: missing_table", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Probe_EmptyStatement_Refused(string statement)
    {
        await using var workload = SqlCallWorkload.ForSqlite(File, statement, allowWrites: false);

        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public async Task MidRun_TableDroppedElsewhere_NextCallsFailWithTheError()
    {
        await using var workload = SqlCallWorkload.ForSqlite(File, "SELECT * FROM t", allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);
        workload.Run(CancellationToken.None);

        Execute("DROP TABLE t");

        Assert.Contains("no such table", Assert.Throws<SqliteException>(() => workload.Run(CancellationToken.None)).Message);
        Assert.Contains("no such table", (await Assert.ThrowsAsync<SqliteException>(() => workload.RunAsync(CancellationToken.None).AsTask())).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancellation_LongStatement_EndsPromptly(bool async)
    {
        // Fast for the probe (cfg.n = 10), minutes of counting once cfg.n is raised behind the workload's back.
        const string statement = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < (SELECT n FROM cfg)) SELECT count(*) FROM c";
        await using var workload = SqlCallWorkload.ForSqlite(File, statement, allowWrites: false);
        await workload.SetupAsync(CancellationToken.None);
        Execute("UPDATE cfg SET n = 10000000000");

        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = Stopwatch.GetTimestamp();
        var error = async
            ? await Record.ExceptionAsync(() => workload.RunAsync(deadline.Token).AsTask())
            : Record.Exception(() => workload.Run(deadline.Token));

        Assert.IsType<OperationCanceledException>(error);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={File}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={File}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
