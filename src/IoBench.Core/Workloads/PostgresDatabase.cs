using Npgsql;

namespace IoBench.Core.Workloads;

/// <summary>
/// The PostgreSQL side of the Postgres workloads: one pooled <see cref="NpgsqlDataSource"/> with a fixed maximum pool
/// size and a distinctive Application Name (so the server's pg_stat_activity shows the suite's connections), plus
/// warm-up and the probe the benchmark host uses to skip the family when no server answers.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The Application Name of the suite's connections unless a caller picks another.</summary>
    public const string DefaultApplicationName = "iobench";

    public PostgresDatabase(string connectionString, int poolSize, string applicationName = DefaultApplicationName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = poolSize,
            ApplicationName = applicationName,
        };
        PoolSize = poolSize;
        ApplicationName = applicationName;
        DataSource = NpgsqlDataSource.Create(builder);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>P: the most connections the pool opens; operation P + 1 waits for one to come back (or for Timeout).</summary>
    public int PoolSize { get; }

    public string ApplicationName { get; }

    /// <summary>
    /// Opens <paramref name="connections"/> physical connections at once and returns them to the pool, so that a
    /// batch measures queries, not connection opening (TCP, authentication, a forked server process each).
    /// </summary>
    public async Task WarmAsync(int connections, CancellationToken cancellationToken)
    {
        var count = Math.Clamp(connections, 1, PoolSize);
        var opened = new List<NpgsqlConnection>(count);
        try
        {
            // Held open together: opening one after another would reuse the same pooled connection every time.
            var opening = Enumerable.Range(0, count).Select(_ => DataSource.OpenConnectionAsync(cancellationToken).AsTask()).ToList();
            try
            {
                await Task.WhenAll(opening).ConfigureAwait(false);
            }
            finally
            {
                opened.AddRange(opening.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }
        }
        finally
        {
            foreach (var connection in opened)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Null when a server answers <paramref name="connectionString"/> within <paramref name="timeout"/>; otherwise why
    /// not, in one line that names the server (never the password).
    /// </summary>
    public static async Task<string?> ProbeAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString)
            {
                Pooling = false,
                Timeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
                ApplicationName = DefaultApplicationName + "-probe",
            };
        }
        catch (ArgumentException e)
        {
            return $"invalid connection string ({e.Message})";
        }

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(deadline.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            var reason = e is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s" : e.Message;
            return $"no PostgreSQL server at {Describe(builder)} ({reason})";
        }
    }

    /// <summary>host:port/database, for messages.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        builder.Database is { Length: > 0 } database ? $"{builder.Host}:{builder.Port}/{database}" : $"{builder.Host}:{builder.Port}";

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
