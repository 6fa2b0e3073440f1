namespace IoBench.LatencyServer;

/// <summary>Body of /delay and /blocking: echoes what was asked so the client can check it got its own answer.</summary>
internal sealed record DelayResponse(int Ms, string Id, string Kind);
