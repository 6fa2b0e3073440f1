using BenchmarkDotNet.Attributes;
using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// A user's own SQL statement (--sql-call "SELECT ...", scripts/bench.sh --sql-call ...): every row of its reader read,
/// through Npgsql against the server of --postgres, or Microsoft.Data.Sqlite against --sqlite-file; read-only unless
/// --allow-writes, which the database itself enforces (<see cref="SqlCallWorkload"/>). PostgreSQL's pool limit P applies
/// as in the PostgreSQL families.
/// </summary>
[Preset(Presets.SqlCall)]
public class SqlCallBenchmarks : CallBenchmarks
{
    [ParamsSource(nameof(PoolValues))]
    public PoolSize Pool { get; set; } = PoolSize.AsLargeAsN;

    /// <summary>
    /// P: N (the pool never binds) and, on PostgreSQL, 10 (the client's own saturation, ceil(N/P)×L); a SQLite file has
    /// no pool that limits overlap (its connections are the provider's, one per operation).
    /// </summary>
    public IEnumerable<PoolSize> PoolValues() =>
        Settings.SqliteFile is null ? [PoolSize.AsLargeAsN, new(10) { ShownAsLimit = true }] : [PoolSize.AsLargeAsN];

    /// <summary>The call's workload with a pool of <paramref name="poolSize"/> connections (PostgreSQL; 0 = the provider's default).</summary>
    public static SqlCallWorkload Workload(SuiteSettings settings, int poolSize)
    {
        var statement = settings.SqlCall ?? throw new InvalidOperationException("--sql-call is not set");
        return settings.SqliteFile is { } file
            ? SqlCallWorkload.ForSqlite(file, statement, settings.AllowWrites)
            : SqlCallWorkload.ForPostgres(settings.Postgres, statement, poolSize, settings.AllowWrites);
    }

    protected override IWorkload CreateWorkload(SuiteSettings settings) => Workload(settings, Pool.For(N));
}
