using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace IoBench.Tests.Calls;

/// <summary>
/// A small HTTP server in the test process for a user's call to hit (System.Net.HttpListener on a free loopback port): it
/// answers every request after <see cref="DelayMs"/> with <see cref="Status"/> and a body, and keeps each request's method
/// and headers, so a test can see what the call sent and change how the target answers while a run goes on.
/// </summary>
internal sealed class CallTarget : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    private CallTarget(int port)
    {
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/call");

    /// <summary>The status every answer has from now on.</summary>
    public int Status { get; set; } = 200;

    public int DelayMs { get; set; } = 10;

    /// <summary>The body's size in bytes (GET; HEAD sends none).</summary>
    public int BodyBytes { get; set; } = 100;

    public ConcurrentQueue<(string Method, WebHeaderCollection Headers)> Requests { get; } = new();

    public static CallTarget Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new CallTarget(port);
    }

    /// <summary>A port nothing listens on (a refused connection).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var headers = new WebHeaderCollection();
            headers.Add(context.Request.Headers);
            Requests.Enqueue((context.Request.HttpMethod, headers));
            await Task.Delay(DelayMs);
            context.Response.StatusCode = Status;
            var body = new byte[BodyBytes];
            context.Response.ContentLength64 = body.Length;
            if (context.Request.HttpMethod != "HEAD")
            {
                await context.Response.OutputStream.WriteAsync(body);
            }

            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The client went away or the target was stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop;
        _stop.Dispose();
    }
}
