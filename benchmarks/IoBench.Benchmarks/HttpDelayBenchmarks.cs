using BenchmarkDotNet.Attributes;
using IoBench.Core.Http;
using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// HttpClient GET /delay/L against the Kestrel latency server: the seeds' headline example (requests in a loop = N x L,
/// gather = max(L)), with the client's connection limit as a parameter.
/// </summary>
[BenchmarkCategory(Categories.Http)]
public class HttpDelayBenchmarks : HttpBatchBenchmarks
{
    /// <summary>SocketsHttpHandler.MaxConnectionsPerServer.</summary>
    [ParamsSource(nameof(ConnectionsValues))]
    public ClientConnections Connections { get; set; }

    // unlimited: the handler's default, where only the strategy limits overlap;
    // 10: a small pool that turns any strategy into waves of ceil(N/C) x L.
    public IEnumerable<ClientConnections> ConnectionsValues() => [ClientConnections.Unlimited, new(10)];

    protected override IWorkload CreateWorkload(SuiteSettings settings) =>
        new HttpDelayWorkload(Options(settings, Connections, ServerPoolSize.Default));
}
