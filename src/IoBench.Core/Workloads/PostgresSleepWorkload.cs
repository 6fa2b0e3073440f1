using Npgsql;
using NpgsqlTypes;

namespace IoBench.Core.Workloads;

/// <summary>
/// SELECT pg_sleep(L) on a pooled connection: pure server-side latency, the cleanest N×L versus max(L) case for a
/// real database. The sync form holds a thread in a socket read for L; the async form holds nothing while it waits.
/// </summary>
public sealed class PostgresSleepWorkload(PostgresDatabase database, TimeSpan latency, int warmConnections) : IWorkload
{
    // The echoed token proves that this operation's own round trip came back, not another's.
    private const string Sql = "SELECT $1 FROM pg_sleep($2)";

    private int _token;

    public string Name => WorkloadNames.PostgresSleep;

    public TimeSpan Latency { get; } = latency;

    public PostgresDatabase Database => database;

    public Task SetupAsync(CancellationToken cancellationToken) => database.WarmAsync(warmConnections, cancellationToken);

    public void Run(CancellationToken cancellationToken)
    {
        var token = Interlocked.Increment(ref _token);
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection, token);
        using var cancel = PostgresCommands.CancelOn(command, cancellationToken);
        Check(token, command.ExecuteScalar());
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        var token = Interlocked.Increment(ref _token);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, token);
        Check(token, await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private NpgsqlCommand Command(NpgsqlConnection connection, int token)
    {
        var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = token });
        command.Parameters.Add(new NpgsqlParameter<double> { NpgsqlDbType = NpgsqlDbType.Double, TypedValue = Latency.TotalSeconds });
        return command;
    }

    private static void Check(int token, object? result)
    {
        if (result is not int echoed || echoed != token)
        {
            throw new WorkloadCheckException($"pg_sleep returned {result ?? "null"}, expected the token {token}.");
        }
    }
}
