using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Parameters;
using IoBench.Core.Http;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// HttpClient GET /blocking/L: the server's handler holds a thread for L (a FastAPI `def` handler), so the server's
/// thread pool, not the client, limits overlap. The Server threads column shows the pool size that explains the time.
/// </summary>
[BenchmarkCategory(Categories.Http)]
public class HttpBlockingServerBenchmarks : HttpBatchBenchmarks
{
    /// <summary>The latency server's ThreadPool.SetMinThreads.</summary>
    [ParamsSource(nameof(ServerMinThreadsValues))]
    public ServerPoolSize ServerMinThreads { get; set; }

    // default: the runtime's minimum (= cores), which grows slowly while requests keep completing;
    // 200: enough threads for N = 100 blocked handlers at once, so the client's overlap shows again.
    public IEnumerable<ServerPoolSize> ServerMinThreadsValues() => MainConfigurationInComparison([ServerPoolSize.Default, new(200)]);

    /// <summary>Sequential (L and the baseline), an async client (Task) and a thread per request (Thread) tell the story.</summary>
    protected override IEnumerable<StrategyKind> Strategies() =>
        Settings.Strategies.Intersect([StrategyKind.Sequential, StrategyKind.Task, StrategyKind.Thread]);

    /// <summary>Up to N = 100: at 1000 a default server pool needs many seconds per batch and tells nothing new.</summary>
    protected override IEnumerable<int> Ops() => Settings.Ops.Where(n => n <= 100);

    /// <summary>No K rows: the strategies here have no limit of their own.</summary>
    protected override IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None];

    protected override IWorkload CreateWorkload(SuiteSettings settings) =>
        new HttpBlockingServerWorkload(Options(settings, ClientConnections.Unlimited, ServerMinThreads));
}
