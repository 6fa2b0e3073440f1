using Npgsql;
using NpgsqlTypes;

namespace IoBench.Core.Workloads;

/// <summary>
/// An indexed point lookup on a table seeded once in setup: the everyday query, whose latency is a round trip plus a
/// few index pages from memory (well under a millisecond here) rather than a chosen L. Its L is what Sequential N = 1 measures.
/// </summary>
public sealed class PostgresQueryWorkload(PostgresDatabase database, int warmConnections) : IWorkload
{
    /// <summary>Rows in the seeded table.</summary>
    public const int Rows = 100_000;

    private const string Table = "iobench_items";
    private const string Sql = $"SELECT value FROM {Table} WHERE id = $1";

    private int _next;

    public string Name => WorkloadNames.PostgresQuery;

    /// <summary>No nominal latency: a lookup takes what the server needs; Sequential N = 1 measures it.</summary>
    public TimeSpan Latency => TimeSpan.Zero;

    public PostgresDatabase Database => database;

    /// <summary>The value the seed stores for a key: the lookup checks the row it got against it.</summary>
    public static long ValueOf(int id) => (id * 31L) + 7;

    public async Task SetupAsync(CancellationToken cancellationToken)
    {
        await SeedAsync(cancellationToken).ConfigureAwait(false);
        await database.WarmAsync(warmConnections, cancellationToken).ConfigureAwait(false);
    }

    public void Run(CancellationToken cancellationToken)
    {
        var id = NextId();
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection, id);
        using var cancel = PostgresCommands.CancelOn(command, cancellationToken);
        Check(id, command.ExecuteScalar());
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        var id = NextId();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, id);
        Check(id, await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    // Keys spread over the table (7919 is prime, coprime with Rows), so lookups touch different index pages.
    private int NextId() => (int)((uint)Interlocked.Increment(ref _next) * 7919L % Rows) + 1;

    private static NpgsqlCommand Command(NpgsqlConnection connection, int id)
    {
        var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = id });
        return command;
    }

    private static void Check(int id, object? result)
    {
        if (result is not long value || value != ValueOf(id))
        {
            throw new WorkloadCheckException($"{Table} row {id} held {result ?? "no row"}, expected {ValueOf(id)}.");
        }
    }

    /// <summary>Creates and fills the table unless it already holds the expected rows (an advisory lock serialises concurrent setups).</summary>
    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new($"SELECT pg_advisory_xact_lock(hashtext('{Table}'))"),
                new($"CREATE TABLE IF NOT EXISTS {Table} (id integer PRIMARY KEY, value bigint NOT NULL)"),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        await using var count = new NpgsqlCommand($"SELECT count(*) = {Rows} AND sum(value) = sum(id::bigint * 31 + 7) FROM {Table}", connection, transaction);
        if (await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            await using var seed = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new($"TRUNCATE {Table}"),
                    new($"INSERT INTO {Table} (id, value) SELECT g, g::bigint * 31 + 7 FROM generate_series(1, {Rows}) AS g"),
                    new($"ANALYZE {Table}"),
                },
            };
            await seed.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
