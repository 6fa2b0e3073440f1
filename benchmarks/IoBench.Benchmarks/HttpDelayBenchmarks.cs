using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Http;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// HttpClient GET /delay/L against the Kestrel latency server: the seeds' headline example (requests in a loop = N x L,
/// gather = max(L)), with the client's connection limit as a parameter.
/// </summary>
[BenchmarkCategory(Categories.Http)]
// Blocking HttpClient calls on pool threads starve the client's own pool, which grows by a thread or two a second:
// measured at N = 1000, ThreadPool and TaskRun took ~2.6 s per batch and SyncOverAsync missed its 60 s deadline.
[RunsUpTo(100, "blocking calls starve the client's thread pool: seconds per batch at N = 1000 (SyncOverAsync: > 60 s)",
    StrategyKind.ThreadPool, StrategyKind.TaskRun, StrategyKind.SyncOverAsync, StrategyKind.ParallelForEach)]
// The K rows and the other one-at-a-time strategies repeat what Sleep and Sequential already show, at seconds per batch.
[RunsUpTo(100, "K = 10 repeats the ceil(N/K)×L waves of N = 100 (2 s per batch)", StrategyKind.Channel, StrategyKind.Bounded, LimitedRowsOnly = true)]
[RunsUpTo(10, "one at a time like Sequential, which shows N×L up to N = 100", StrategyKind.SequentialAwait, StrategyKind.EventLoopBlocking)]
// Sync-over-async on HttpClient at N = 100: one cold batch took 22 s (three cold processes: 66 s); Sleep shows the same starvation at N = 100.
[RunsUpTo(10, "the pool starves: a cold batch of N = 100 took 22 s (run of 2026-11-23); Sleep shows it at N = 100", StrategyKind.SyncOverAsync)]
public class HttpDelayBenchmarks : HttpBatchBenchmarks
{
    /// <summary>SocketsHttpHandler.MaxConnectionsPerServer.</summary>
    [ParamsSource(nameof(ConnectionsValues))]
    public ClientConnections Connections { get; set; }

    // unlimited: the handler's default, where only the strategy limits overlap;
    // 10: a small pool that turns any strategy into waves of ceil(N/C) x L.
    public IEnumerable<ClientConnections> ConnectionsValues() => MainConfigurationInComparison([ClientConnections.Unlimited, new(10)]);

    protected override IWorkload CreateWorkload(SuiteSettings settings) =>
        new HttpDelayWorkload(Options(settings, Connections, ServerPoolSize.Default));
}
