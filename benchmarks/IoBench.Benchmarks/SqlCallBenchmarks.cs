using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Theory;
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

    /// <summary>
    /// On PostgreSQL the ladder stops at N = 200 unless --ops, as the PostgreSQL families' N do: each concurrent query is a
    /// server process too (on 2 cores, past a few hundred a batch measures CPU scheduling), and a pool of N connections
    /// past the server's max_connections (PostgreSQL's default 100, the project's server 500) is refused by the server.
    /// </summary>
    protected override IEnumerable<int> Ops() =>
        Settings.SqliteFile is null ? DefaultOpsUnlessChosen([.. CallPlan.Ladder.Where(n => n <= 200)]) : base.Ops();

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
