using IoBench.Core.Settings;

namespace IoBench.Core.Http;

/// <summary>A user's own HTTP request (--http-call) and how its one shared HttpClient is configured.</summary>
public sealed record HttpCallOptions
{
    /// <summary>The method (GET or HEAD) and the URL.</summary>
    public required HttpCall Call { get; init; }

    /// <summary>The request headers sent with every call.</summary>
    public IReadOnlyList<HttpHeader> Headers { get; init; } = [];

    /// <summary>The statuses an answer must have; any other fails the call.</summary>
    public ExpectedStatus ExpectedStatus { get; init; } = ExpectedStatus.Success;

    /// <summary>C, SocketsHttpHandler.MaxConnectionsPerServer; 0 = unlimited (the handler's default).</summary>
    public int MaxConnections { get; init; }

    /// <summary>Connections opened in setup (concurrent calls), so no batch pays for TCP (and TLS) connects.</summary>
    public int WarmConnections { get; init; } = 1;

    /// <summary>HttpClient.Timeout: one call that stops answering fails its batch instead of hanging it.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
