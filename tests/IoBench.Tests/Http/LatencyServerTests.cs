using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace IoBench.Tests.Http;

/// <summary>The latency server in its own process: routes, bodies, bad input, loopback only.</summary>
public sealed class LatencyServerTests(LatencyServerFixture fixture) : IClassFixture<LatencyServerFixture>, IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = fixture.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _client.Dispose();

    [Fact]
    public void Start_FreePort_ListensOn127001()
    {
        Assert.Equal("127.0.0.1", fixture.Server.BaseAddress.Host);
        Assert.NotEqual(0, fixture.Server.BaseAddress.Port);
    }

    [Fact]
    public async Task Health_Running_AnswersOk()
    {
        using var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("delay")]
    [InlineData("blocking")]
    public async Task Route_ValidDelay_EchoesMsIdAndKindAfterTheDelay(string route)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _client.GetAsync(new Uri($"/{route}/50?id=abc-7", UriKind.Relative));
        var elapsed = watch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(50, body.RootElement.GetProperty("ms").GetInt32());
        Assert.Equal("abc-7", body.RootElement.GetProperty("id").GetString());
        Assert.Equal(route, body.RootElement.GetProperty("kind").GetString());
        Assert.InRange(elapsed.TotalMilliseconds, 40, 5000);
    }

    [Theory]
    [InlineData("/delay/abc")]
    [InlineData("/delay/-5")]
    [InlineData("/delay/1.5")]
    [InlineData("/delay/10001")]
    [InlineData("/blocking/xyz")]
    [InlineData("/blocking/999999999999")]
    public async Task Route_BadDelay_Answers400WithAMessage(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("delay", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/nope")]
    [InlineData("/delay")]
    [InlineData("/delay/20/more")]
    public async Task UnknownPath_Any_Answers404(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Stats_AfterReset_ReportsTheServersOwnThreads()
    {
        using var reset = await _client.PostAsync(new Uri("/stats/reset", UriKind.Relative), null);
        Assert.True(reset.IsSuccessStatusCode);
        using var body = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/stats", UriKind.Relative)));
        Assert.Equal(fixture.Server.ProcessId, body.RootElement.GetProperty("processId").GetInt32());
        Assert.True(body.RootElement.GetProperty("osThreadCount").GetInt32() > 0);
        Assert.True(body.RootElement.GetProperty("peakThreadPoolThreadCount").GetInt32() > 0);
    }

    [Fact]
    public void Listen_AnyAddress_IsLoopbackOnly()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc is Linux's; xunit 2 has no runtime skip.
        }

        var port = fixture.Server.BaseAddress.Port.ToString("X4", CultureInfo.InvariantCulture);
        // /proc/net/tcp: "sl local_address rem_address st ..."; st 0A = LISTEN, 0100007F = 127.0.0.1.
        var listeners = File.ReadLines("/proc/net/tcp").Skip(1)
            .Concat(File.ReadLines("/proc/net/tcp6").Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[3] == "0A" && f[1].EndsWith(":" + port, StringComparison.Ordinal))
            .Select(f => f[1])
            .ToList();
        Assert.Equal([$"0100007F:{port}"], listeners);
    }
}
