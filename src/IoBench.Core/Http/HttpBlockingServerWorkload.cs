using IoBench.Core.Workloads;

namespace IoBench.Core.Http;

/// <summary>
/// GET /blocking/L: the server's handler calls Thread.Sleep on its request thread (a `def` handler holding a thread),
/// so however the client overlaps, the server answers only as many requests at once as its thread pool has threads.
/// </summary>
public sealed class HttpBlockingServerWorkload(HttpWorkloadOptions options) : HttpLatencyWorkload("blocking", options)
{
    public override string Name => WorkloadNames.HttpBlockingServer;

    /// <summary>On the server's default pool each request holds a pool thread there; a raised minimum (e.g. 200) has them ready.</summary>
    public override WorkloadTraits Traits => Options.ServerMinThreads is null ? WorkloadTraits.ServerHoldsPoolThread : WorkloadTraits.None;
}
