using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IoBench.Core.Workloads;

namespace IoBench.Core.Http;

/// <summary>
/// GET /{route}/L from the latency server through one shared HttpClient, in both forms: HttpClient.Send (synchronous,
/// HTTP/1.1, holds the calling thread) and GetAsync. Setup starts the server (unless a URL is given) and opens the
/// connections; every answer is read in full and checked.
/// </summary>
public abstract class HttpLatencyWorkload : IWorkload
{
    // JsonSerializerOptions.Web is .NET 9+; the suite also targets .NET 8.
    private static readonly JsonSerializerOptions StatsJson = new(JsonSerializerDefaults.Web);

    private readonly HttpWorkloadOptions _options;
    private readonly string _route;
    private LatencyServerProcess? _server;
    private HttpClient? _client;
    private long _lastId;

    /// <param name="route">The server route and the kind its body echoes: "delay" or "blocking".</param>
    protected HttpLatencyWorkload(string route, HttpWorkloadOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxConnections);
        _options = options;
        _route = route;
        LatencyMs = checked((int)options.Latency.TotalMilliseconds);
    }

    public abstract string Name { get; }

    public TimeSpan Latency => _options.Latency;

    /// <summary>The options this workload was made with.</summary>
    protected HttpWorkloadOptions Options => _options;

    public virtual WorkloadTraits Traits => WorkloadTraits.None;

    /// <summary>The server's root address once set up.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>The server this workload started, if it started one (null with <see cref="HttpWorkloadOptions.ServerUrl"/>).</summary>
    public LatencyServerProcess? Server => _server;

    private int LatencyMs { get; }

    private HttpClient Client => _client ?? throw new InvalidOperationException($"{Name}: SetupAsync must run before the first operation.");

    public async Task SetupAsync(CancellationToken cancellationToken)
    {
        if (_client is not null)
        {
            return;
        }

        if (_options.ServerUrl is { } url)
        {
            BaseAddress = url;
        }
        else
        {
            var dll = _options.ServerDllPath ?? LatencyServerProcess.LocateServerDll()
                ?? throw new FileNotFoundException(
                    $"{LatencyServerProcess.ServerDllName} is not next to {AppContext.BaseDirectory}: reference src/IoBench.LatencyServer from this project, or set IOBENCH_HTTP_URL.");
            _server = await LatencyServerProcess.StartAsync(dll, _options.ServerMinThreads, _options.ServerStartTimeout, cancellationToken).ConfigureAwait(false);
            BaseAddress = _server.BaseAddress;
        }

        _client = CreateClient(BaseAddress, _options);
        await WarmAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Run(CancellationToken cancellationToken)
    {
        var (uri, id) = NextRequest(_route, LatencyMs);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        try
        {
            // Send is the synchronous HttpClient API (HTTP/1.1 only): the calling thread blocks in socket reads.
            using var response = Client.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            using var body = new MemoryStream();
            response.Content.ReadAsStream(cancellationToken).CopyTo(body);
            LatencyResponseCheck.Verify(response.StatusCode, body.GetBuffer().AsSpan(0, (int)body.Length), uri, LatencyMs, id, _route);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw Unanswered(uri, e);
        }
    }

    public ValueTask RunAsync(CancellationToken cancellationToken) => new(GetCheckedAsync(_route, LatencyMs, cancellationToken));

    /// <summary>The server's /stats, or null when the server does not offer it (a foreign server behind IOBENCH_HTTP_URL).</summary>
    public async Task<LatencyServerStats?> ReadServerStatsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri("/stats", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync<LatencyServerStats>(StatsJson, cancellationToken).ConfigureAwait(false)
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _client = null;
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
            _server = null;
        }

        GC.SuppressFinalize(this);
    }

    private static HttpClient CreateClient(Uri baseAddress, HttpWorkloadOptions options) => MeasuredHttpClient.Create(options.MaxConnections, options.RequestTimeout, baseAddress);

    private async Task GetCheckedAsync(string route, int ms, CancellationToken cancellationToken)
    {
        var (uri, id) = NextRequest(route, ms);
        try
        {
            using var response = await Client.GetAsync(uri, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            LatencyResponseCheck.Verify(response.StatusCode, body, uri, ms, id, route);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw Unanswered(uri, e);
        }
    }

    /// <summary>
    /// Opens the connections a batch will use: that many concurrent requests, each long enough that none can reuse
    /// another's connection, plus one synchronous request so both forms are compiled before the first batch.
    /// </summary>
    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        const int holdMs = 100;
        var count = Math.Max(1, _options.WarmConnections);
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => GetCheckedAsync("delay", holdMs, cancellationToken))).ConfigureAwait(false);
        await Task.Run(() => Run(cancellationToken), cancellationToken).ConfigureAwait(false);
        try
        {
            // The server's thread peak should describe the batches, not the warm-up.
            using var reset = await Client.PostAsync(new Uri("/stats/reset", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // A foreign server without /stats is fine.
        }
    }

    private (Uri Uri, string Id) NextRequest(string route, int ms)
    {
        // The id is unique per request, so an answer meant for another request fails the check.
        var id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        return (new Uri(string.Create(CultureInfo.InvariantCulture, $"/{route}/{ms}?id={id}"), UriKind.Relative), id);
    }

    // A refused or reset connection, or a request past HttpClient.Timeout (a TaskCanceledException the batch did not ask for).
    private static bool IsTransportFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private HttpRequestException Unanswered(Uri request, Exception e)
    {
        var reason = e is TaskCanceledException ? $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s" : e.Message;
        return new HttpRequestException($"latency server at {BaseAddress} did not answer GET {request}: {reason}", e);
    }
}
