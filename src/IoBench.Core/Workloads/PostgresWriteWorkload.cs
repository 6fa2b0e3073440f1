using Npgsql;
using NpgsqlTypes;

namespace IoBench.Core.Workloads;

/// <summary>
/// One INSERT per operation with synchronous_commit on: each commit waits for its WAL flush to reach the disk, the
/// latency of a durable write. Each workload instance writes under its own run id, counts its rows afterwards and
/// removes them when disposed.
/// </summary>
public sealed class PostgresWriteWorkload(PostgresDatabase database, int warmConnections) : IWorkload
{
    private const string Table = "iobench_writes";

    private const string Sql = $"INSERT INTO {Table} (run, payload) VALUES ($1, $2)";

    private readonly Guid _run = Guid.NewGuid();
    private long _written;
    private int _next;

    public string Name => WorkloadNames.PostgresWrite;

    /// <summary>No nominal latency: a durable commit takes what the disk needs; Sequential N = 1 measures it.</summary>
    public TimeSpan Latency => TimeSpan.Zero;

    private bool _setUp;

    public PostgresDatabase Database => database;

    /// <summary>Inserts the server acknowledged so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    public async Task SetupAsync(CancellationToken cancellationToken)
    {
        await using (var create = database.DataSource.CreateCommand(
            $"CREATE TABLE IF NOT EXISTS {Table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run uuid NOT NULL, payload integer NOT NULL, written_at timestamptz NOT NULL DEFAULT now())"))
        {
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Two setups raced on IF NOT EXISTS (the catalog insert is not atomic with the check): the table exists.
            }
        }

        // Sessions inherit the setting from the server, database, role or connection string alike: one look covers the pool.
        await using (var show = database.DataSource.CreateCommand("SHOW synchronous_commit"))
        {
            var mode = await show.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            if (mode is not ("on" or "remote_apply" or "remote_write"))
            {
                throw new WorkloadCheckException($"synchronous_commit is '{mode}': PostgresWrite measures durable commits and needs it on.");
            }
        }

        await database.WarmAsync(warmConnections, cancellationToken).ConfigureAwait(false);
        _setUp = true;
    }

    public void Run(CancellationToken cancellationToken)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection);
        using var cancel = PostgresCommands.CancelOn(command, cancellationToken);
        Check(command.ExecuteNonQuery());
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection);
        Check(await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The rows this instance wrote, counted by the server.</summary>
    public async Task<long> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT count(*) FROM {Table} WHERE run = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = _run });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Counts the rows, removes them and closes the pool. Fewer rows than acknowledged inserts fail the check; more
    /// are possible when a batch was cancelled after the server committed but before the client heard back.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_setUp)
            {
                return; // never set up (e.g. only asked for its traits): nothing was written, and no server need answer
            }

            var rows = await CountRowsAsync(CancellationToken.None).ConfigureAwait(false);
            await using var delete = database.DataSource.CreateCommand($"DELETE FROM {Table} WHERE run = $1");
            delete.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = _run });
            await delete.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            if (rows < Written)
            {
                throw new WorkloadCheckException($"{Table} holds {rows} rows of this run, but the server acknowledged {Written} inserts.");
            }
        }
        finally
        {
            await database.DisposeAsync().ConfigureAwait(false);
        }
    }

    private NpgsqlCommand Command(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = _run });
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = Interlocked.Increment(ref _next) });
        return command;
    }

    private void Check(int inserted)
    {
        if (inserted != 1)
        {
            throw new WorkloadCheckException($"INSERT into {Table} affected {inserted} rows, expected 1.");
        }

        Interlocked.Increment(ref _written);
    }
}
