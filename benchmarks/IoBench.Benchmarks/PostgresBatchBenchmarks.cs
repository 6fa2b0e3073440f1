using BenchmarkDotNet.Attributes;
using IoBench.Core.Settings;
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

    public IEnumerable<PoolSize> PoolValues() => Pools();

    /// <summary>P: N (the pool never binds) and 10 (the pool-bound law ceil(N/P) x L, run only where the pool binds).</summary>
    protected virtual IEnumerable<PoolSize> Pools() => [PoolSize.AsLargeAsN, new(10)];

    /// <summary>
    /// N stops at 200 by default: on 2 cores the client and the server share the CPU, and past a few hundred
    /// concurrent queries (each a server process too) a batch measures CPU scheduling rather than the strategy.
    /// N = 10 is left out of the default to keep the family within minutes (each case is a process of its own).
    /// </summary>
    protected virtual IEnumerable<int> DefaultOps() => [1, 100, 200];

    protected sealed override IEnumerable<int> Ops() => Settings.ExplicitOps ?? (Settings.Quick ? Settings.Ops : DefaultOps());

    protected sealed override IWorkload CreateWorkload(SuiteSettings settings)
    {
        var poolSize = Pool.For(N);
        // Warm as many connections as the batch can use at once; more would only lengthen setup.
        return CreateWorkload(settings, new PostgresDatabase(settings.Postgres, poolSize), warmConnections: Math.Min(poolSize, N));
    }

    protected abstract IWorkload CreateWorkload(SuiteSettings settings, PostgresDatabase database, int warmConnections);
}
