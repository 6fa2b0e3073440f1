namespace IoBench.Core.Workloads;

/// <summary>Where a user's own SQL statement runs (--sql-call).</summary>
public enum SqlCallTarget
{
    /// <summary>The PostgreSQL server of the connection string (--postgres), through Npgsql.</summary>
    Postgres,

    /// <summary>A SQLite file (--sqlite-file), through Microsoft.Data.Sqlite.</summary>
    Sqlite,
}

/// <summary>
/// CONTRACT, NOT YET IMPLEMENTED (the --sql-call work fills it in): a user's own statement as the operation, every row of
/// its reader read; read-only unless allowWrites, enforced by the database. Name "SqlCall"; no nominal latency (L is
/// measured); <see cref="IWorkload.SetupAsync"/> makes one probe call and throws <see cref="CallProbeException"/> with one
/// line (the target masked, the error) when it fails.
/// </summary>
public sealed class SqlCallWorkload : IWorkload
{
    private SqlCallWorkload(SqlCallTarget target, string connection, string statement, int poolSize, bool allowWrites)
    {
        Target = target;
        Connection = connection;
        Statement = statement;
        PoolSize = poolSize;
        AllowWrites = allowWrites;
    }

    public SqlCallTarget Target { get; }

    /// <summary>The Npgsql connection string, or the SQLite file's path.</summary>
    public string Connection { get; }

    public string Statement { get; }

    /// <summary>P, the most connections open at once (PostgreSQL); 0 = the provider's default.</summary>
    public int PoolSize { get; }

    public bool AllowWrites { get; }

    public string Name => WorkloadNames.SqlCall;

    public TimeSpan Latency => TimeSpan.Zero;

    public static SqlCallWorkload ForPostgres(string connectionString, string statement, int poolSize, bool allowWrites) =>
        new(SqlCallTarget.Postgres, connectionString, statement, poolSize, allowWrites);

    public static SqlCallWorkload ForSqlite(string file, string statement, bool allowWrites) =>
        new(SqlCallTarget.Sqlite, file, statement, 0, allowWrites);

    public Task SetupAsync(CancellationToken cancellationToken) => throw new NotImplementedException("--sql-call is being built.");

    public void Run(CancellationToken cancellationToken) => throw new NotImplementedException("--sql-call is being built.");

    public ValueTask RunAsync(CancellationToken cancellationToken) => throw new NotImplementedException("--sql-call is being built.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
