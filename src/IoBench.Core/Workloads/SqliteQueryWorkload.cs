using Microsoft.Data.Sqlite;

namespace IoBench.Core.Workloads;

/// <summary>
/// A query that computes: an indexed point lookup plus an aggregate over a range of orders, sized at setup so that
/// one operation takes about L on this machine. SQLite runs it in-process on the calling thread, so it is CPU-bound
/// (ceil(N/cores) x L at best), and the *Async calls return completed tasks.
/// </summary>
public sealed class SqliteQueryWorkload(TimeSpan latency) : IWorkload
{
    private const string Sql = """
        SELECT customer_id, product, quantity, price FROM orders WHERE id = $id;
        SELECT count(*), count(DISTINCT customer_id), sum(quantity * price) FROM orders WHERE id BETWEEN $low AND $high;
        """;

    private SqliteDatabase? _database;

    public string Name => WorkloadNames.SqliteQuery;

    public TimeSpan Latency { get; } = latency;

    public WorkloadTraits Traits => WorkloadTraits.CpuBound | WorkloadTraits.SynchronousAsync;

    /// <summary>Rows the aggregate scans per operation, calibrated at setup (0 before).</summary>
    public long RowsScanned { get; private set; }

    /// <summary>The database, once set up.</summary>
    public SqliteDatabase? Database => _database;

    public Task SetupAsync(CancellationToken cancellationToken)
    {
        if (_database is null)
        {
            _database = SqliteDatabase.Create(SqliteDatabase.DefaultRows, TimeSpan.FromSeconds(30), cancellationToken);
            try
            {
                RowsScanned = Calibrate(cancellationToken);
            }
            catch
            {
                _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
                _database = null;
                throw;
            }
        }

        return Task.CompletedTask;
    }

    public void Run(CancellationToken cancellationToken) => Run(RowsScanned, cancellationToken);

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (id, low, high) = Pick(RowsScanned);
        await using var connection = await Ready().OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, id, low, high);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        CheckLookup(id, await reader.ReadAsync(cancellationToken).ConfigureAwait(false), reader);
        CheckAggregate(low, high, await reader.NextResultAsync(cancellationToken).ConfigureAwait(false) && await reader.ReadAsync(cancellationToken).ConfigureAwait(false), reader);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Run(long rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (id, low, high) = Pick(rows);
        using var connection = Ready().Open();
        using var command = Command(connection, id, low, high);
        using var reader = command.ExecuteReader();
        CheckLookup(id, reader.Read(), reader);
        CheckAggregate(low, high, reader.NextResult() && reader.Read(), reader);
    }

    // Sizes the aggregated range to L by timing whole operations, and seeds more rows if L needs them.
    private long Calibrate(CancellationToken cancellationToken)
    {
        var rows = WorkCalibration.AmountFor(Name, Latency, 20_000, trial => Run(trial, cancellationToken), cancellationToken, GrowTo);
        GrowTo(rows);
        return rows;

        // A slower machine or a longer L needs more rows than the default seed: add them rather than fall short of L.
        void GrowTo(long needed)
        {
            if (needed > Ready().SeededRows)
            {
                Ready().GrowTo(needed, cancellationToken);
            }
        }
    }

    private SqliteDatabase Ready() =>
        _database ?? throw new InvalidOperationException("SqliteQueryWorkload.SetupAsync must run before the first operation.");

    private (long Id, long Low, long High) Pick(long rows)
    {
        var seeded = Ready().SeededRows;
        var low = Random.Shared.NextInt64(1, seeded - rows + 2);
        return (Random.Shared.NextInt64(1, seeded + 1), low, low + rows - 1);
    }

    private static SqliteCommand Command(SqliteConnection connection, long id, long low, long high)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$low", low);
        command.Parameters.AddWithValue("$high", high);
        return command;
    }

    private static void CheckLookup(long id, bool found, SqliteDataReader reader)
    {
        var expected = SqliteDatabase.ExpectedOrder(id);
        if (!found || reader.GetInt64(0) != expected.CustomerId || reader.GetString(1) != expected.Product
            || reader.GetInt64(2) != expected.Quantity || reader.GetDouble(3) != expected.Price)
        {
            throw new WorkloadCheckException($"Lookup of order {id} did not return the seeded row.");
        }
    }

    private static void CheckAggregate(long low, long high, bool found, SqliteDataReader reader)
    {
        var count = found ? reader.GetInt64(0) : -1;
        var customers = found ? reader.GetInt64(1) : -1;
        if (count != high - low + 1 || customers < 1 || customers > SqliteDatabase.Customers)
        {
            throw new WorkloadCheckException($"Aggregate over orders {low}-{high} counted {count} rows of {customers} customers.");
        }
    }
}
