using IoBench.Core.Workloads;

namespace IoBench.Core.Http;

/// <summary>
/// GET /blocking/L: the server's handler calls Thread.Sleep on its request thread (a `def` handler holding a thread),
/// so however the client overlaps, the server answers only as many requests at once as its thread pool has threads.
/// </summary>
public sealed class HttpBlockingServerWorkload(HttpWorkloadOptions options) : HttpLatencyWorkload("blocking", options)
{
    public override string Name => WorkloadNames.HttpBlockingServer;
}
