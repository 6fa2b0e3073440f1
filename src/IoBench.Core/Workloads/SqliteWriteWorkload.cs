using Microsoft.Data.Sqlite;

namespace IoBench.Core.Workloads;

/// <summary>
/// One INSERT in its own transaction with synchronous=FULL: each commit waits for fsync of the WAL, and concurrent
/// writers queue on SQLite's single-writer lock (BEGIN IMMEDIATE waits in SQLite's busy handler, up to busy_timeout).
/// The inserted row is read back on the same connection. The latency is the disk's, not L.
/// </summary>
/// <param name="busyTimeout">The longest wait for the write lock (the suite gives it half the batch deadline).</param>
public sealed class SqliteWriteWorkload(TimeSpan busyTimeout) : IWorkload
{
    private const string InsertSql = "INSERT INTO orders (customer_id, product, quantity, price, created_at) VALUES ($customer, $product, $quantity, $price, $created) RETURNING id";
    private const string ReadBackSql = "SELECT product FROM orders WHERE id = $id";

    private SqliteDatabase? _database;
    private long _written;

    public SqliteWriteWorkload()
        : this(TimeSpan.FromSeconds(30))
    {
    }

    public string Name => WorkloadNames.SqliteWrite;

    /// <summary>No nominal L: a commit takes what the disk's fsync takes (the L sample measures it).</summary>
    public TimeSpan Latency => TimeSpan.Zero;

    public WorkloadTraits Traits => WorkloadTraits.SynchronousAsync;

    public SqliteDatabase? Database => _database;

    /// <summary>Rows inserted and checked so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    public Task SetupAsync(CancellationToken cancellationToken)
    {
        _database ??= SqliteDatabase.Create(SqliteDatabase.DefaultRows, busyTimeout, cancellationToken);
        return Task.CompletedTask;
    }

    public void Run(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var product = NextProduct();
        using var connection = Ready().Open();
        long id;
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var insert = Insert(connection, transaction, product);
            id = (long)insert.ExecuteScalar()!;
            transaction.Commit();
        }
        catch (SqliteException e) when (Ready().LockedError(e) is { } locked)
        {
            throw locked;
        }

        using var readBack = ReadBack(connection, id);
        Check(id, product, readBack.ExecuteScalar());
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var product = NextProduct();
        await using var connection = await Ready().OpenAsync(cancellationToken).ConfigureAwait(false);
        long id;
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = Insert(connection, (SqliteTransaction)transaction, product);
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (Ready().LockedError(e) is { } locked)
        {
            throw locked;
        }

        await using var readBack = ReadBack(connection, id);
        Check(id, product, await readBack.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string NextProduct() => "write-" + Guid.NewGuid().ToString("N");

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string product)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        command.Parameters.AddWithValue("$customer", Random.Shared.Next(SqliteDatabase.Customers));
        command.Parameters.AddWithValue("$product", product);
        command.Parameters.AddWithValue("$quantity", 1);
        command.Parameters.AddWithValue("$price", 9.5);
        command.Parameters.AddWithValue("$created", DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return command;
    }

    private static SqliteCommand ReadBack(SqliteConnection connection, long id)
    {
        var command = connection.CreateCommand();
        command.CommandText = ReadBackSql;
        command.Parameters.AddWithValue("$id", id);
        return command;
    }

    private void Check(long id, string product, object? stored)
    {
        if (stored as string != product)
        {
            throw new WorkloadCheckException($"Inserted order {id} reads back as '{stored ?? "nothing"}', expected '{product}'.");
        }

        Interlocked.Increment(ref _written);
    }

    private SqliteDatabase Ready() =>
        _database ?? throw new InvalidOperationException("SqliteWriteWorkload.SetupAsync must run before the first operation.");
}
