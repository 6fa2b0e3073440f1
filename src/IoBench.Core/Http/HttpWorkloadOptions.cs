namespace IoBench.Core.Http;

/// <summary>How an HTTP workload reaches its latency server and how its one shared HttpClient is configured.</summary>
public sealed record HttpWorkloadOptions
{
    /// <summary>L: the delay each request asks the server for.</summary>
    public required TimeSpan Latency { get; init; }

    /// <summary>An already running server to use instead of starting one (IOBENCH_HTTP_URL); null = start our own.</summary>
    public Uri? ServerUrl { get; init; }

    /// <summary>The server assembly to start; null = <see cref="LatencyServerProcess.LocateServerDll"/>.</summary>
    public string? ServerDllPath { get; init; }

    /// <summary>The started server's ThreadPool.SetMinThreads; null = the runtime's default (= cores).</summary>
    public int? ServerMinThreads { get; init; }

    /// <summary>SocketsHttpHandler.MaxConnectionsPerServer; 0 = unlimited (the handler's default).</summary>
    public int MaxConnections { get; init; }

    /// <summary>Connections opened in setup (concurrent requests), so no batch pays for TCP connects.</summary>
    public int WarmConnections { get; init; } = 1;

    /// <summary>HttpClient.Timeout: the deadline of one request, so a server that stops answering fails the batch instead of hanging it.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the started server may take to answer /health.</summary>
    public TimeSpan ServerStartTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
