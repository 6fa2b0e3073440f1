using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Http;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// A user's own HTTP request (--http-call "GET URL", scripts/bench.sh --http-call ...): HttpClient.Send and SendAsync of it,
/// the body read and discarded, the status checked, with the client's connection limit C as in the HTTP families.
/// </summary>
[Preset(Presets.HttpCall)]
// The client's facts, whatever the server: blocking HttpClient calls on pool threads starve the client's own pool
// (HttpDelay at N = 1000: ThreadPool and TaskRun ~2.6 s a batch).
[RunsUpTo(100, "blocking calls starve the client's thread pool: seconds per batch at N = 1000 (HttpDelay)", StrategyKind.ThreadPool, StrategyKind.TaskRun)]
public class HttpCallBenchmarks : CallBenchmarks
{
    /// <summary>SocketsHttpHandler.MaxConnectionsPerServer.</summary>
    [ParamsSource(nameof(ConnectionsValues))]
    public ClientConnections Connections { get; set; }

    // unlimited: the handler's default, where only the strategy and the target limit overlap;
    // 10: a small pool that turns any strategy into waves of ceil(N/C) x L, the client's own saturation.
    public IEnumerable<ClientConnections> ConnectionsValues() => [ClientConnections.Unlimited, new(10)];

    /// <summary>The call's workload with C connections, warming as many as <paramref name="warm"/> (the host's probe: one).</summary>
    public static HttpCallWorkload Workload(SuiteSettings settings, ClientConnections connections, int warm) =>
        new(new HttpCallOptions
        {
            Call = settings.HttpCall ?? throw new InvalidOperationException("--http-call is not set"),
            Headers = settings.HttpHeaders,
            ExpectedStatus = settings.HttpStatus,
            MaxConnections = connections.Value,
            WarmConnections = warm,
            // One call may wait behind a whole batch (a target that answers one at a time).
            RequestTimeout = settings.BatchTimeout,
        });

    protected override IWorkload CreateWorkload(SuiteSettings settings)
    {
        var overlap = IoBench.Core.Strategies.Strategy.MaxInFlight(Strategy, K.Value, N);
        return Workload(settings, Connections, Connections.Value > 0 ? Math.Min(overlap, Connections.Value) : overlap);
    }
}
