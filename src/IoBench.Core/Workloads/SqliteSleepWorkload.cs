using Microsoft.Data.Sqlite;

namespace IoBench.Core.Workloads;

/// <summary>
/// The seeds' query that waits: <c>SELECT sleep_ms(L)</c>, through a function registered on each opened connection,
/// so the wait happens inside the query on the calling thread while the operation holds its pooled connection.
/// Microsoft.Data.Sqlite's *Async calls run the query synchronously too, so only threads can overlap these waits.
/// </summary>
public sealed class SqliteSleepWorkload(TimeSpan latency) : IWorkload
{
    private const string Sql = "SELECT sleep_ms($ms)";

    private SqliteDatabase? _database;

    public string Name => WorkloadNames.SqliteSleep;

    public TimeSpan Latency { get; } = latency;

    public WorkloadTraits Traits => WorkloadTraits.SynchronousAsync;

    public SqliteDatabase? Database => _database;

    private long LatencyMs => (long)Latency.TotalMilliseconds;

    public Task SetupAsync(CancellationToken cancellationToken)
    {
        _database ??= SqliteDatabase.Create(SqliteDatabase.DefaultRows, TimeSpan.FromSeconds(30), cancellationToken);
        return Task.CompletedTask;
    }

    public void Run(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Ready().Open();
        RegisterSleep(connection, cancellationToken);
        using var command = Command(connection);
        try
        {
            Check(command.ExecuteScalar());
        }
        catch (SqliteException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await Ready().OpenAsync(cancellationToken).ConfigureAwait(false);
        RegisterSleep(connection, cancellationToken);
        await using var command = Command(connection);
        try
        {
            Check(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (SqliteException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Registered per opened connection (a pooled connection may be new); the operation's token can end the wait early.
    private static void RegisterSleep(SqliteConnection connection, CancellationToken cancellationToken) =>
        connection.CreateFunction("sleep_ms", (long milliseconds) =>
        {
            var wait = TimeSpan.FromMilliseconds(milliseconds);
            if (!cancellationToken.CanBeCanceled)
            {
                Thread.Sleep(wait);
            }
            else if (cancellationToken.WaitHandle.WaitOne(wait))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            return milliseconds;
        });

    private SqliteCommand Command(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$ms", LatencyMs);
        return command;
    }

    private void Check(object? result)
    {
        if (result is not long slept || slept != LatencyMs)
        {
            throw new WorkloadCheckException($"sleep_ms({LatencyMs}) returned {result ?? "null"}.");
        }
    }

    private SqliteDatabase Ready() =>
        _database ?? throw new InvalidOperationException("SqliteSleepWorkload.SetupAsync must run before the first operation.");
}
