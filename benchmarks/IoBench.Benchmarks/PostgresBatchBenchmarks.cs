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
    /// <summary>
    /// N stops at 200 by default: on 2 cores the client and the server share the CPU, and past a few hundred
    /// concurrent queries (and as many server processes) the batch measures CPU scheduling, not the strategy.
    /// </summary>
    private static readonly int[] DefaultOps = [1, 10, 100, 200];

    /// <summary>P: N (the pool never binds) and 10 (the pool-bound law ceil(N/P) x L; run only where 10 &lt; N).</summary>
    private static readonly PoolSize[] DefaultPools = [PoolSize.AsLargeAsN, new(10)];

    [ParamsSource(nameof(PoolValues))]
    public PoolSize Pool { get; set; } = PoolSize.AsLargeAsN;

    public IEnumerable<PoolSize> PoolValues() => Pools();

    protected virtual IEnumerable<PoolSize> Pools() => DefaultPools;

    protected override IEnumerable<int> Ops() => Settings.ExplicitOps ?? (Settings.Quick ? Settings.Ops : DefaultOps);

    protected sealed override IWorkload CreateWorkload(SuiteSettings settings)
    {
        var poolSize = Pool.For(N);
        // Warm as many connections as the batch can use at once; more would only lengthen setup.
        return CreateWorkload(settings, new PostgresDatabase(settings.Postgres, poolSize), warmConnections: Math.Min(poolSize, N));
    }

    protected abstract IWorkload CreateWorkload(SuiteSettings settings, PostgresDatabase database, int warmConnections);
}
