using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Parameters;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// The Postgres workload families: a batch on a pool of P connections warmed in setup (opening connections is
/// measured apart, by <see cref="PostgresConnectBenchmarks"/>), against the server IOBENCH_POSTGRES names.
/// </summary>
[BenchmarkCategory(Categories.Postgres)]
public abstract class PostgresBatchBenchmarks : BatchBenchmarks
{
    [ParamsSource(nameof(PoolValues))]
    public PoolSize Pool { get; set; } = PoolSize.AsLargeAsN;

    public IEnumerable<PoolSize> PoolValues() => MainConfigurationInComparison(Pools());

    /// <summary>P: N (the pool never binds) and 10 (the pool-bound law ceil(N/P) x L, run only where the pool binds).</summary>
    protected virtual IEnumerable<PoolSize> Pools() => [PoolSize.AsLargeAsN, new(10)];

    /// <summary>
    /// N stops at 200 by default: on 2 cores the client and the server share the CPU, and past a few hundred
    /// concurrent queries (each a server process too) a batch measures CPU scheduling rather than the strategy.
    /// N = 10 is left out of the default to keep the family within minutes (each case is a process of its own).
    /// </summary>
    protected virtual IEnumerable<int> DefaultOps() => [1, 100, 200];

    /// <summary>
    /// Every strategy except SyncOverAsync unless --strategies names a subset: blocking pool threads on Npgsql's
    /// async calls starves the very pool their completions need (measured: 22 s for one cold batch of N = 100, minutes
    /// at N = 200, and pool-timeout failures with P = 10), which would dominate the family's run time.
    /// </summary>
    protected override IEnumerable<StrategyKind> Strategies() =>
        Settings.Strategies.Count < IoBench.Core.Strategies.Strategy.All.Count
            ? Settings.Strategies
            : Settings.Strategies.Where(s => s != StrategyKind.SyncOverAsync);

    protected sealed override IEnumerable<int> Ops() => DefaultOpsUnlessChosen([.. DefaultOps()]);

    protected sealed override IWorkload CreateWorkload(SuiteSettings settings)
    {
        var poolSize = Pool.For(N);
        // Warm as many connections as the batch can use at once; more would only lengthen setup.
        return CreateWorkload(settings, new PostgresDatabase(settings.Postgres, poolSize), warmConnections: Math.Min(poolSize, N));
    }

    protected abstract IWorkload CreateWorkload(SuiteSettings settings, PostgresDatabase database, int warmConnections);
}
