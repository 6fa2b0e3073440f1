using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Core.Http;

/// <summary>
/// A user's own HTTP request (--http-call) through one shared HttpClient, in both forms: HttpClient.Send (synchronous,
/// HTTP/1.1, holds the calling thread) and SendAsync. Every answer's body is read to its end and discarded, and its status
/// checked against the expected ones (2xx unless --http-status), so an error page never counts as a fast call. It has no
/// nominal L: the suite measures it around every batch. Setup makes one probe call; when that fails (unreachable, refused,
/// an unexpected status) it throws <see cref="CallProbeException"/> with one line naming the call, secrets masked.
/// </summary>
public sealed class HttpCallWorkload : IWorkload
{
    private readonly HttpCallOptions _options;
    private readonly Uri _url;
    private readonly HttpMethod _method;
    private readonly List<HttpHeader> _headers;
    private readonly string[] _secrets;
    private HttpClient? _client;

    public HttpCallWorkload(HttpCallOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxConnections);
        _options = options;
        _method = new HttpMethod(options.Call.Method);
        _headers = [.. options.Headers];
        var url = options.Call.Url;
        // user:password@ in the URL is sent as Basic credentials, as curl and browsers do; HttpClient itself would drop it.
        if (url.UserInfo.Length > 0)
        {
            if (!_headers.Any(h => h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
            {
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(url.UserInfo)));
                _headers.Add(new HttpHeader("Authorization", $"Basic {credentials}"));
            }

            url = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        _url = url;
        // Whatever a message quotes (an error of the runtime's, an echo of a server's) must not carry these.
        _secrets = [.. new[] { options.Call.Url.UserInfo, Uri.UnescapeDataString(options.Call.Url.UserInfo) }
            .Concat(options.Call.Url.UserInfo.Split(':').Select(Uri.UnescapeDataString))
            .Concat(_headers.Where(h => SecretMask.IsSecretHeader(h.Name)).SelectMany(h => h.Value.Split(' ').Append(h.Value)))
            .Where(s => s.Length >= 3)
            .Distinct()
            .OrderByDescending(s => s.Length)];
    }

    public string Name => WorkloadNames.HttpCall;

    /// <summary>None: L is measured, around every batch, like a device's.</summary>
    public TimeSpan Latency => TimeSpan.Zero;

    /// <summary>The call as a report or an error shows it: "GET http://host/path", user-info masked.</summary>
    public string Display => _options.Call.Display;

    private HttpClient Client => _client ?? throw new InvalidOperationException($"{Name}: SetupAsync must run before the first operation.");

    public async Task SetupAsync(CancellationToken cancellationToken)
    {
        if (_client is not null)
        {
            return;
        }

        _client = CreateClient(_options);
        try
        {
            await SendCheckedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or WorkloadCheckException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The call's own failures already name it (Failed, Check); anything else gets the call in front.
            throw new CallProbeException(e.Message.StartsWith(Display, StringComparison.Ordinal) ? e.Message : $"{Display}: {Reason(e)}", e);
        }

        await WarmAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Run(CancellationToken cancellationToken)
    {
        using var request = NewRequest();
        try
        {
            // Send is the synchronous HttpClient API (HTTP/1.1 only): the calling thread blocks in socket reads.
            using var response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using (var body = response.Content.ReadAsStream(cancellationToken))
            {
                body.CopyTo(Stream.Null);
            }

            Check(response);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw Failed(e);
        }
    }

    public ValueTask RunAsync(CancellationToken cancellationToken) => new(SendCheckedAsync(cancellationToken));

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _client = null;
        return ValueTask.CompletedTask;
    }

    /// <summary>Replaces every secret of this call (URL user-info, credential header values) in a message with ***.</summary>
    public string Scrub(string message) =>
        _secrets.Aggregate(message, (text, secret) => text.Replace(secret, SecretMask.Mask, StringComparison.Ordinal));

    private static HttpClient CreateClient(HttpCallOptions options) => MeasuredHttpClient.Create(options.MaxConnections, options.RequestTimeout);

    private HttpRequestMessage NewRequest()
    {
        var request = new HttpRequestMessage(_method, _url);
        foreach (var header in _headers)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        return request;
    }

    private async Task SendCheckedAsync(CancellationToken cancellationToken)
    {
        using var request = NewRequest();
        try
        {
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            Check(response);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw Failed(e);
        }
    }

    private void Check(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (!_options.ExpectedStatus.Matches(status))
        {
            var location = response.Headers.Location is { } to ? $", Location: {Scrub(SecretMask.Url(to.ToString()))}" : string.Empty;
            throw new WorkloadCheckException($"{Display} answered {status} {Scrub(response.ReasonPhrase ?? response.StatusCode.ToString())}{location}; expected {_options.ExpectedStatus}");
        }
    }

    /// <summary>
    /// Opens the connections a batch will use: that many concurrent calls (a fast call may reuse a connection instead, so
    /// this warms at most that many), plus one synchronous call so both forms are compiled before the first batch.
    /// </summary>
    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        var count = Math.Max(1, _options.WarmConnections);
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => SendCheckedAsync(cancellationToken))).ConfigureAwait(false);
        await Task.Run(() => Run(cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    // A refused or reset connection, a broken TLS handshake, or a call past HttpClient.Timeout (a TaskCanceledException the batch did not ask for).
    private static bool IsTransportFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || e is IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private HttpRequestException Failed(Exception e) =>
        e is HttpRequestException { Message: var message } already && message.StartsWith(Display, StringComparison.Ordinal)
            ? already
            : new HttpRequestException($"{Display} failed: {Reason(e)}", e);

    /// <summary>What went wrong, on one line, secrets scrubbed: the runtime's message and its cause's where that adds something.</summary>
    private string Reason(Exception e)
    {
        if (e is TaskCanceledException)
        {
            return $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s";
        }

        var reason = e.Message;
        if (e.InnerException is { Message: { Length: > 0 } cause } && !reason.Contains(cause, StringComparison.Ordinal))
        {
            reason += $" ({cause})";
        }

        return Scrub(reason.ReplaceLineEndings(" "));
    }
}
