using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IoBench.Tests.Http;

namespace IoBench.Tests.Faults;

/// <summary>
/// The latency server's port taken by someone else. The suite's own servers cannot meet it: they are started with
/// --port 0, so the kernel picks the port in the bind itself and there is no moment between choosing and binding.
/// A fixed port (scripts/latency-server.sh --listen) that is taken fails at once with one line naming it.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PortTakenTests
{
    [Fact]
    public async Task Server_ListenOnTakenPort_ExitsOneWithOneLineNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var start = new ProcessStartInfo(ServerProcesses.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServerProcesses.ServerDll);
        start.ArgumentList.Add("--listen");
        start.ArgumentList.Add($"127.0.0.1:{port}");
        using var server = Process.Start(start)!;
        var stdout = server.StandardOutput.ReadToEndAsync();
        var stderr = server.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ServerProcesses.StartTimeout);
        await server.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, server.ExitCode);
        Assert.Equal(string.Empty, await stdout); // no LISTENING line: a launcher waiting for one fails at once, not at its timeout
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"could not listen on 127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("in use", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SuiteServer_StartedWithPortZero_TheKernelChoosesThePortWhileBinding()
    {
        await using var server = await ServerProcesses.StartAsync();

        var commandLine = await File.ReadAllTextAsync($"/proc/{server.ProcessId}/cmdline");
        Assert.Contains("\0--port\00\0", commandLine, StringComparison.Ordinal);
        Assert.NotEqual(0, server.BaseAddress.Port);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.True((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode);
    }
}
