using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Http;
using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// The HTTP workload families: each benchmark process starts its own latency server in global setup (unless
/// IOBENCH_HTTP_URL names one), warms its connections, and reports the server's own threads with the metrics.
/// </summary>
public abstract class HttpBatchBenchmarks : BatchBenchmarks
{
    /// <summary>The HttpClient options for this case, with as many connections warmed as the batch can use at once.</summary>
    protected HttpWorkloadOptions Options(SuiteSettings settings, ClientConnections connections, ServerPoolSize serverPool) => new()
    {
        Latency = settings.Latency,
        ServerUrl = settings.HttpUrl,
        ServerDllPath = LatencyServerChoice.DllPath,
        ServerMinThreads = serverPool.ServerArgument,
        MaxConnections = connections.Value,
        WarmConnections = ConnectionsInUse(connections),
        // One request may wait behind a whole batch (a starved server answers them one pool thread at a time).
        RequestTimeout = settings.BatchTimeout,
    };

    private int ConnectionsInUse(ClientConnections connections)
    {
        var overlap = IoBench.Core.Strategies.Strategy.MaxInFlight(Strategy, K.Value, N);
        return connections.Value > 0 ? Math.Min(overlap, connections.Value) : overlap;
    }

    protected override async Task<int?> ServerThreadsAsync(IWorkload workload)
    {
        if (workload is not HttpLatencyWorkload http)
        {
            return null;
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return (await http.ReadServerStatsAsync(deadline.Token))?.ThreadPoolThreadCount;
    }
}
