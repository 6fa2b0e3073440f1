using System.Text.RegularExpressions;
using IoBench.Core.Settings;

namespace IoBench.Core.Workloads;

/// <summary>Where a user's own SQL statement runs (--sql-call).</summary>
public enum SqlCallTarget
{
    /// <summary>The PostgreSQL server of the connection string (--postgres), through Npgsql.</summary>
    Postgres,

    /// <summary>A SQLite file (--sqlite-file), through Microsoft.Data.Sqlite.</summary>
    Sqlite,
}

/// <summary>
/// A user's own statement as the operation (--sql-call), every row of its reader read and every column value
/// materialised; read-only unless allowWrites, enforced by the database (<see cref="PostgresStatementCall"/>,
/// <see cref="SqliteStatementCall"/>). No nominal latency: L is what the statement takes. <see cref="SetupAsync"/> opens
/// the connections and makes one probe call; any failure there (unreachable, login refused, unknown table, syntax, a
/// write refused) throws <see cref="CallProbeException"/> with one line naming the target, its password masked.
/// </summary>
/// <remarks>
/// The check of each call is the database's own: a statement that fails, a write refused, a connection lost all throw
/// the provider's error. Row counts are not compared with the probe's: a statement over live data (rows added
/// meanwhile, now(), random()) may return a different count each call and is still a valid call.
/// </remarks>
public sealed partial class SqlCallWorkload : IWorkload
{
    private IStatementCall? _call;
    private long _rowsRead;

    private SqlCallWorkload(SqlCallTarget target, string connection, string statement, int poolSize, bool allowWrites, int warmConnections)
    {
        Target = target;
        Connection = connection;
        Statement = statement;
        PoolSize = poolSize;
        AllowWrites = allowWrites;
        WarmConnections = warmConnections;
    }

    public SqlCallTarget Target { get; }

    /// <summary>The Npgsql connection string, or the SQLite file's path.</summary>
    public string Connection { get; }

    public string Statement { get; }

    /// <summary>P, the most connections open at once (PostgreSQL); 0 = the provider's default.</summary>
    public int PoolSize { get; }

    public bool AllowWrites { get; }

    /// <summary>PostgreSQL connections opened together in setup, so that a batch measures statements, not connection opening.</summary>
    public int WarmConnections { get; }

    public string Name => WorkloadNames.SqlCall;

    public TimeSpan Latency => TimeSpan.Zero;

    /// <summary>
    /// SQLite runs the statement in this process, on the calling thread, and its *Async calls complete synchronously;
    /// PostgreSQL's work happens in the server while the client waits.
    /// </summary>
    public WorkloadTraits Traits => Target == SqlCallTarget.Sqlite ? WorkloadTraits.CpuBound | WorkloadTraits.SynchronousAsync : WorkloadTraits.None;

    /// <summary>The target as messages name it: the connection string with its password masked, or the SQLite file.</summary>
    public string TargetDisplay => Target == SqlCallTarget.Postgres
        ? $"PostgreSQL \"{SecretMask.ConnectionString(Connection)}\""
        : $"SQLite file \"{Connection}\"";

    /// <summary>Rows the probe call read (null before setup).</summary>
    public long? ProbeRows { get; private set; }

    /// <summary>Rows read by the calls since setup, the probe's not included.</summary>
    public long RowsRead => Interlocked.Read(ref _rowsRead);

    public static SqlCallWorkload ForPostgres(string connectionString, string statement, int poolSize, bool allowWrites) =>
        ForPostgres(connectionString, statement, poolSize, allowWrites, warmConnections: Math.Max(poolSize, 1));

    /// <param name="warmConnections">Connections to open in setup (a family passes min(P, N), as the Postgres families do).</param>
    public static SqlCallWorkload ForPostgres(string connectionString, string statement, int poolSize, bool allowWrites, int warmConnections) =>
        new(SqlCallTarget.Postgres, connectionString, statement, poolSize, allowWrites, warmConnections);

    public static SqlCallWorkload ForSqlite(string file, string statement, bool allowWrites) =>
        new(SqlCallTarget.Sqlite, file, statement, 0, allowWrites, 0);

    public async Task SetupAsync(CancellationToken cancellationToken)
    {
        if (_call is not null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(Statement))
        {
            // PostgreSQL and SQLite both run an empty text as a call that does nothing, which would measure nothing.
            throw new CallProbeException($"--sql-call: the statement for {TargetDisplay} is empty.");
        }

        IStatementCall? call = null;
        try
        {
            call = Target == SqlCallTarget.Postgres
                ? new PostgresStatementCall(Connection, Statement, PoolSize, AllowWrites, WarmConnections)
                : new SqliteStatementCall(Connection, Statement, AllowWrites);
            await call.OpenAsync(cancellationToken).ConfigureAwait(false);
            ProbeRows = await call.CallAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (call is not null)
            {
                await call.DisposeAsync().ConfigureAwait(false);
            }

            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new CallProbeException($"--sql-call: the probe call to {TargetDisplay} failed: {Reason(e)}", e);
        }

        _call = call;
    }

    public void Run(CancellationToken cancellationToken) => Interlocked.Add(ref _rowsRead, Ready().Call(cancellationToken));

    public ValueTask RunAsync(CancellationToken cancellationToken)
    {
        var pending = Ready().CallAsync(cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            // SQLite's calls come back completed: counted here, with no await and no second state machine.
            Interlocked.Add(ref _rowsRead, pending.Result);
            return default;
        }

        return CountAsync(pending);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _call, null) is { } call)
        {
            await call.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask CountAsync(ValueTask<long> pending) =>
        Interlocked.Add(ref _rowsRead, await pending.ConfigureAwait(false));

    private IStatementCall Ready() =>
        _call ?? throw new InvalidOperationException("SqlCallWorkload.SetupAsync must run before the first call.");

    // The provider's message and the causes under it (Npgsql's "Failed to connect to ..." holds "Connection refused"
    // in its inner exception), on one line: a server error's message carries its position on a line of its own.
    private static string Reason(Exception error)
    {
        var parts = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            var message = LineBreaks().Replace(e.Message.Trim(), "; ");
            if (message.Length > 0 && !parts.Any(p => p.Contains(message, StringComparison.Ordinal)))
            {
                parts.Add(message);
            }
        }

        return string.Join(": ", parts);
    }

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
