using System.Diagnostics;
using System.Text.Json;
using IoBench.Tests.Benchmarks;

namespace IoBench.Tests.Http;

/// <summary>
/// The suite against a latency server it did not start, as on a host of its own (src/IoBench.Core/workloads-and-strategies.md, HTTP): a standalone server
/// (no --parent-pid, no stdin watch, what scripts/latency-server.sh runs) reached only through --http-url.
/// </summary>
public sealed class RemoteLatencyServerTests
{
    [Fact]
    public async Task App_HttpUrlOfStandaloneServer_SendsItsRequestsThereAndExitsZero()
    {
        var start = new ProcessStartInfo(ServerProcesses.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServerProcesses.ServerDll);
        start.ArgumentList.Add("--listen");
        start.ArgumentList.Add("127.0.0.1:0");
        using var server = Process.Start(start)!;
        var artifacts = Directory.CreateTempSubdirectory("iobench-remote-");
        try
        {
            var url = await ReadListeningUrlAsync(server);
            using var http = new HttpClient { BaseAddress = url };
            Assert.Equal(0, await RequestsServedAsync(http));

            var (exitCode, output) = await BenchmarkApp.RunAsync(
                "--quick", "--filter", "*HttpDelay*", "--ops", "1", "--strategies", "Sequential",
                "--http-url", url.ToString(), "--artifacts", artifacts.FullName);

            Assert.True(exitCode == 0, $"the app exited {exitCode}:\n{output}");
            Assert.True(await RequestsServedAsync(http) > 0, "the app ran but sent no request to the server named by --http-url");
            // Still running after the app exited: a standalone server has no parent to follow.
            Assert.False(server.HasExited);
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
            artifacts.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Server_ListenNotAnAddress_ExitsTwoWithOneLine()
    {
        var start = new ProcessStartInfo(ServerProcesses.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServerProcesses.ServerDll);
        start.ArgumentList.Add("--listen");
        start.ArgumentList.Add("example.org:5080"); // a host name: the server binds an IP address the user chose, never a lookup
        using var server = Process.Start(start)!;
        var stdout = server.StandardOutput.ReadToEndAsync();
        var stderr = server.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ServerProcesses.StartTimeout);
        await server.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, server.ExitCode);
        Assert.Equal(string.Empty, await stdout);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--listen needs an IP address and port", line, StringComparison.Ordinal);
    }

    private static async Task<Uri> ReadListeningUrlAsync(Process server)
    {
        using var deadline = new CancellationTokenSource(ServerProcesses.StartTimeout);
        const string prefix = "IOBENCH_LATENCY_SERVER_LISTENING ";
        var line = await server.StandardOutput.ReadLineAsync(deadline.Token);
        if (line?.StartsWith(prefix, StringComparison.Ordinal) != true)
        {
            server.Kill();
            Assert.Fail($"unexpected first line: {line}; stderr: {await server.StandardError.ReadToEndAsync(CancellationToken.None)}");
        }

        return new Uri(line[prefix.Length..]);
    }

    private static async Task<long> RequestsServedAsync(HttpClient http)
    {
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri("/stats", UriKind.Relative)));
        return stats.RootElement.GetProperty("requestsServed").GetInt64();
    }
}
