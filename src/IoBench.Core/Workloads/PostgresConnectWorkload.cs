using Npgsql;

namespace IoBench.Core.Workloads;

/// <summary>
/// Opens a fresh physical connection (Pooling=false), runs SELECT 1 and closes it: the cost the other Postgres
/// workloads keep out of their batches by warming the pool, reported on its own (TCP, SCRAM authentication and a
/// forked server process per connection).
/// </summary>
public sealed class PostgresConnectWorkload : IWorkload
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresConnectWorkload(string connectionString, string applicationName = PostgresDatabase.DefaultApplicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = applicationName };
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Name => WorkloadNames.PostgresConnect;

    /// <summary>No nominal latency: opening takes what it takes; Sequential N = 1 measures it.</summary>
    public TimeSpan Latency => TimeSpan.Zero;

    public Task SetupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Run(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT 1", connection);
        Check(command.ExecuteScalar());
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        Check(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static void Check(object? result)
    {
        if (result is not 1)
        {
            throw new WorkloadCheckException($"SELECT 1 on a new connection returned {result ?? "null"}.");
        }
    }
}
