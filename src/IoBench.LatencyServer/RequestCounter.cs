namespace IoBench.LatencyServer;

/// <summary>Counts /delay and /blocking requests answered since the server started, so a client can tell which server it used.</summary>
internal sealed class RequestCounter
{
    private long _served;

    public long Served => Interlocked.Read(ref _served);

    public void Add() => Interlocked.Increment(ref _served);
}
