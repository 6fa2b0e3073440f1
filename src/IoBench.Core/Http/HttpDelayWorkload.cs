using IoBench.Core.Workloads;

namespace IoBench.Core.Http;

/// <summary>
/// GET /delay/L: the server awaits Task.Delay (an `async def` handler), so it holds no thread while waiting and N
/// requests can overlap up to the client's connection limit: max(L) unlimited, ceil(N/C) x L with C connections.
/// </summary>
public sealed class HttpDelayWorkload(HttpWorkloadOptions options) : HttpLatencyWorkload("delay", options)
{
    public override string Name => WorkloadNames.HttpDelay;
}
