using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IoBench.Core.Workloads;

/// <summary>
/// A real SQLite database file in a temporary folder of its own: an orders table with an index on customer_id,
/// seeded with rows whose values follow from their id (<see cref="ExpectedOrder"/>) so that any read can be checked.
/// WAL mode; every connection comes from Microsoft.Data.Sqlite's pool and gets busy_timeout and synchronous=FULL,
/// so lock waits happen inside SQLite for as long as the lock is really held, and every commit is fsynced.
/// Disposing removes the folder with its WAL and shared-memory files.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    /// <summary>The rows seeded by default: enough for a query of tens of milliseconds.</summary>
    public const long DefaultRows = 100_000;

    /// <summary>Seeded customers: customer_id runs from 0 to Customers - 1.</summary>
    public const int Customers = 5_000;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly StateChangeTracker _tracker = new();
    private int _disposed;

    private SqliteDatabase(string folder, TimeSpan busyTimeout)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "iobench.db");
        _busyTimeoutMs = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 1, int.MaxValue);
        // Microsoft.Data.Sqlite retries a busy statement itself, in 150 ms sleeps, until the command timeout (30 s by
        // default) after SQLite's busy_timeout ran out: the same bound for both, so a lock held elsewhere fails after it.
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <summary>The temporary folder that holds the database, its WAL and shared-memory files.</summary>
    public string Folder { get; }

    public string FilePath { get; }

    /// <summary>How long an operation waits for a lock another connection or process holds before SQLite gives up.</summary>
    public TimeSpan BusyTimeout => TimeSpan.FromMilliseconds(_busyTimeoutMs);

    /// <summary>Rows seeded so far: ids 1 to SeededRows.</summary>
    public long SeededRows { get; private set; }

    /// <summary>Connections opened by this database and not yet closed.</summary>
    public int ConnectionsInUse => _tracker.InUse;

    /// <summary>The most connections open at once since creation.</summary>
    public int PeakConnectionsInUse => _tracker.Peak;

    /// <summary>Creates the file in a new temporary folder and seeds <paramref name="rows"/> orders; removes the folder again if that fails.</summary>
    public static SqliteDatabase Create(long rows, TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        var database = new SqliteDatabase(TemporaryFolder.Create("iobench-sqlite-"), busyTimeout);
        try
        {
            using var connection = database.Open();
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                CREATE TABLE orders (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL,
                    product TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    price REAL NOT NULL,
                    created_at TEXT NOT NULL);
                CREATE INDEX ix_orders_customer ON orders (customer_id);
                """);
            database.Seed(connection, rows, cancellationToken);
            return database;
        }
        catch (SqliteException e) when (database.LockedError(e) is { } locked)
        {
            // Locked while it was being created and seeded: the same error, naming the file, as a locked batch gets.
            database.Delete();
            throw locked;
        }
        catch
        {
            database.Delete();
            throw;
        }
    }

    /// <summary>The seeded values of order <paramref name="id"/>: deterministic, so every read can be checked.</summary>
    public static Order ExpectedOrder(long id) => new(
        id,
        id * 7919 % Customers,
        "product-" + (id % 200).ToString(CultureInfo.InvariantCulture),
        1 + id % 9,
        id % 1000 / 10.0);

    /// <summary>Opens a pooled connection and sets its per-connection pragmas (a few microseconds).</summary>
    public SqliteConnection Open()
    {
        var connection = Track(new SqliteConnection(_connectionString));
        connection.Open();
        Execute(connection, Pragmas);
        return connection;
    }

    /// <summary>The same through the *Async calls an application would use (Microsoft.Data.Sqlite completes them synchronously).</summary>
    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Track(new SqliteConnection(_connectionString));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// SQLITE_BUSY or SQLITE_LOCKED after the busy timeout ran out (another process held the lock all along), as an
    /// error that names the file and the timeout; SQLite's own message is only "database is locked". Null for any other error.
    /// </summary>
    public DatabaseLockedException? LockedError(SqliteException error) =>
        error.SqliteErrorCode is SqliteBusy or SqliteLocked
            ? new DatabaseLockedException($"SQLite database {FilePath} stayed locked by another connection or process for longer than busy_timeout ({BusyTimeout.TotalSeconds:0.###} s): {error.Message}", error)
            : null;

    /// <summary>Seeds more rows so that at least <paramref name="rows"/> exist (a calibrated query may need more than the default).</summary>
    public void GrowTo(long rows, CancellationToken cancellationToken)
    {
        using var connection = Open();
        Seed(connection, rows, cancellationToken);
    }

    /// <summary>Counts the rows of the orders table.</summary>
    public long CountRows()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM orders";
        return (long)command.ExecuteScalar()!;
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Delete();
        }

        return default;
    }

    private string Pragmas => string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = FULL;");

    private SqliteConnection Track(SqliteConnection connection)
    {
        connection.StateChange += _tracker.OnStateChange;
        return connection;
    }

    private void Seed(SqliteConnection connection, long rows, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO orders (id, customer_id, product, quantity, price, created_at) VALUES ($id, $customer, $product, $quantity, $price, $created)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var customer = insert.Parameters.Add("$customer", SqliteType.Integer);
        var product = insert.Parameters.Add("$product", SqliteType.Text);
        var quantity = insert.Parameters.Add("$quantity", SqliteType.Integer);
        var price = insert.Parameters.Add("$price", SqliteType.Real);
        var created = insert.Parameters.Add("$created", SqliteType.Text);
        insert.Prepare();
        var epoch = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var next = SeededRows + 1; next <= rows; next++)
        {
            if (next % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var order = ExpectedOrder(next);
            id.Value = order.Id;
            customer.Value = order.CustomerId;
            product.Value = order.Product;
            quantity.Value = order.Quantity;
            price.Value = order.Price;
            created.Value = epoch.AddMinutes(next).ToString("O", CultureInfo.InvariantCulture);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        SeededRows = Math.Max(SeededRows, rows);
    }

    private void Delete()
    {
        // Pooled connections keep the file open; clear them first so that nothing recreates the WAL afterwards.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        TemporaryFolder.Delete(Folder);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>One row of the orders table.</summary>
    public readonly record struct Order(long Id, long CustomerId, string Product, long Quantity, double Price);

    // Counts open connections through the provider's own StateChange event: an operation holds its connection from Open to Dispose.
    private sealed class StateChangeTracker
    {
        private int _inUse;
        private int _peak;

        public int InUse => Volatile.Read(ref _inUse);

        public int Peak => Volatile.Read(ref _peak);

        public void OnStateChange(object sender, System.Data.StateChangeEventArgs e)
        {
            if (e.CurrentState == System.Data.ConnectionState.Open)
            {
                var now = Interlocked.Increment(ref _inUse);
                int peak;
                while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
                {
                }
            }
            else if (e.CurrentState == System.Data.ConnectionState.Closed && e.OriginalState == System.Data.ConnectionState.Open)
            {
                Interlocked.Decrement(ref _inUse);
            }
        }
    }
}
