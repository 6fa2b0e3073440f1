using Npgsql;

namespace IoBench.Core.Workloads;

/// <summary>
/// A user's statement on PostgreSQL through Npgsql, on a pool of at most P connections (<see cref="PostgresDatabase"/>).
/// Read-only unless writes are allowed, and the server enforces it, not a parser of ours:
/// <list type="bullet">
/// <item>The statement travels alone, as one protocol statement (a batch command without parameters is sent as is, not
/// split at semicolons), so the server refuses text with several commands: neither <c>SELECT 1; DROP TABLE t</c> nor
/// <c>BEGIN READ WRITE; DELETE ...; COMMIT</c> runs any part of it.</item>
/// <item>It runs inside a transaction the workload opens READ ONLY and rolls back, in the same round trip: writes,
/// nextval() and SELECT FOR UPDATE are refused (25006), and a DO block or procedure that COMMITs to start a read-write
/// transaction of its own fails (2D000), which the session default alone would let through.</item>
/// <item>The session default default_transaction_read_only=on (the startup Options), for anything outside that
/// transaction; the pool's reset (DISCARD ALL) restores it after a <c>SET SESSION CHARACTERISTICS</c>. It costs nothing per call.</item>
/// </list>
/// </summary>
internal sealed class PostgresStatementCall : IStatementCall
{
    private const string ReadOnlyOption = "-c default_transaction_read_only=on";

    private readonly PostgresDatabase _database;
    private readonly string _statement;
    private readonly bool _allowWrites;
    private readonly int _warmConnections;

    /// <param name="poolSize">P; 0 keeps the connection string's Maximum Pool Size (Npgsql's default 100).</param>
    public PostgresStatementCall(string connectionString, string statement, int poolSize, bool allowWrites, int warmConnections)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!allowWrites)
        {
            // Last, so that it wins over a -c default_transaction_read_only=off the user's own Options may carry.
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? ReadOnlyOption : $"{builder.Options} {ReadOnlyOption}";
        }

        _database = new PostgresDatabase(
            builder.ConnectionString,
            poolSize > 0 ? poolSize : builder.MaxPoolSize,
            builder.ApplicationName is { Length: > 0 } name ? name : PostgresDatabase.DefaultApplicationName);
        _statement = statement;
        _allowWrites = allowWrites;
        _warmConnections = warmConnections;
    }

    public Task OpenAsync(CancellationToken cancellationToken) => _database.WarmAsync(_warmConnections, cancellationToken);

    public long Call(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.DataSource.OpenConnection();
        using var batch = Batch(connection);
        using var cancel = PostgresCommands.CancelOn(batch, cancellationToken);
        using var reader = batch.ExecuteReader();
        return StatementReader.ReadAll(reader);
    }

    public async ValueTask<long> CallAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = Batch(connection);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await StatementReader.ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    // BEGIN and ROLLBACK return no result set: the reader shows the statement's alone. When the statement fails, the
    // server skips the ROLLBACK and the pool's reset rolls the failed transaction back when the connection returns.
    private NpgsqlBatch Batch(NpgsqlConnection connection) =>
        _allowWrites
            ? new NpgsqlBatch(connection) { BatchCommands = { new(_statement) } }
            : new NpgsqlBatch(connection) { BatchCommands = { new("BEGIN READ ONLY"), new(_statement), new("ROLLBACK") } };
}
