using BenchmarkDotNet.Running;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Plan;

/// <summary>
/// A benchmark case read as a batch: its strategy, N and K, its thread-pool regime (the job: Steady or Cold), and the
/// key of its workload configuration (the type plus every other parameter, such as a pool size), so that rows of the
/// same workload can be compared across regimes.
/// </summary>
internal sealed record BatchCase(Type Type, StrategyKind Strategy, int N, int K, string Regime, string WorkloadKey, string LatencyKey)
{
    public static BatchCase? From(BenchmarkCase benchmarkCase)
    {
        var parameters = benchmarkCase.Parameters;
        if (parameters[nameof(BatchBenchmarks.Strategy)] is not StrategyKind strategy || parameters[nameof(BatchBenchmarks.N)] is not int n)
        {
            return null;
        }

        var k = parameters[nameof(BatchBenchmarks.K)] is ConcurrencyLimit limit ? limit.Value : 0;
        var others = parameters.Items
            .Where(p => p.Name is not (nameof(BatchBenchmarks.Strategy) or nameof(BatchBenchmarks.N) or nameof(BatchBenchmarks.K)))
            .ToList();
        // A comparison run's sides (runtimes and controls) are separate workloads here: each has its own L, bounds and matrix.
        string Key(Func<object?, object?> value) =>
            $"{benchmarkCase.Descriptor.Type.FullName}|{string.Join(';', others.Select(p => $"{p.Name}={value(p.Value)}"))}|{JobTags.SideOf(benchmarkCase.Job)}";

        // One operation never waits for a pool, so every pool size shares the L that Sequential N = 1 measures.
        var regime = JobTags.RegimeOf(benchmarkCase.Job);
        return new BatchCase(benchmarkCase.Descriptor.Type, strategy, n, k, regime, Key(v => v), Key(v => v is PoolSize ? PoolSize.AsLargeAsN : v));
    }
}
