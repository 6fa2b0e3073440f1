using System.Net;

namespace IoBench.Core.Http;

/// <summary>
/// The one way the HTTP workloads make their client, so that the suite's latency server and a user's own call are
/// measured through the same path: at most C connections (0 = no limit), warmed connections kept from setup to the last
/// iteration, no proxy from the environment (it would be the proxy's time), no cookie jar (a Cookie header is the
/// caller's to give), no redirects (a 3xx is an answer like any other status), and HTTP/1.1 for both forms (Send has no
/// other, and one protocol keeps the forms comparable).
/// </summary>
internal static class MeasuredHttpClient
{
    public static HttpClient Create(int maxConnections, TimeSpan requestTimeout, Uri? baseAddress = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections == 0 ? int.MaxValue : maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler)
        {
            Timeout = requestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (baseAddress is not null)
        {
            client.BaseAddress = baseAddress;
        }

        return client;
    }
}
