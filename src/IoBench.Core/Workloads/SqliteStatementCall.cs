using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IoBench.Core.Workloads;

/// <summary>
/// A user's statement on an existing SQLite file through Microsoft.Data.Sqlite, on the provider's pooled connections.
/// Read-only unless writes are allowed, enforced by SQLite: the connection opens the file read-only (Mode=ReadOnly), so
/// every statement that would write it fails ("attempt to write a readonly database"), whichever statement of a
/// multi-statement text it is. Neither mode creates a missing file. Every statement of the text runs and every result
/// set is read, as Microsoft.Data.Sqlite does for any command.
/// </summary>
internal sealed class SqliteStatementCall : IStatementCall
{
    private const int SqliteInterrupt = 9;

    private readonly string _file;
    private readonly string _statement;
    private readonly string _connectionString;

    public SqliteStatementCall(string file, string statement, bool allowWrites)
    {
        _file = file;
        _statement = statement;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = allowWrites ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly,
            Pooling = true,
        }.ToString();
    }

    public Task OpenAsync(CancellationToken cancellationToken)
    {
        // Checked first so that the message says what is wrong rather than SQLite's "unable to open database file".
        if (!File.Exists(_file))
        {
            throw new FileNotFoundException("no such file", _file);
        }

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return Task.CompletedTask;
    }

    public long Call(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = Command(connection);
        using var interrupt = InterruptOn(connection, cancellationToken);
        try
        {
            using var reader = command.ExecuteReader();
            return StatementReader.ReadAll(reader);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteInterrupt && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The SQLite statement was interrupted: the batch was cancelled.", e, cancellationToken);
        }
    }

    // Microsoft.Data.Sqlite completes its *Async calls synchronously, so this returns a completed ValueTask (no allocation).
    public async ValueTask<long> CallAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection);
        using var interrupt = InterruptOn(connection, cancellationToken);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await StatementReader.ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteInterrupt && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The SQLite statement was interrupted: the batch was cancelled.", e, cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open after the workload is gone.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return default;
    }

    private SqliteCommand Command(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = _statement;
        return command;
    }

    // SQLite runs the statement on the calling thread and Microsoft.Data.Sqlite's Cancel does nothing, so a batch deadline
    // interrupts the connection itself (sqlite3_interrupt is safe from another thread while the connection is open: the
    // registration is disposed, waiting for a running callback, before the connection closes).
    private static CancellationTokenRegistration InterruptOn(SqliteConnection connection, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => raw.sqlite3_interrupt(((SqliteConnection)state!).Handle), connection)
            : default;
}
