using System.Diagnostics;
using System.Globalization;

namespace IoBench.Tests.Http;

/// <summary>The latency server never outlives whoever started it: not after dispose, not after its parent is killed.</summary>
public sealed class LatencyServerLifetimeTests
{
    [Fact]
    public async Task Dispose_RunningServer_LeavesNoProcess()
    {
        var server = await ServerProcesses.StartAsync();
        var pid = server.ProcessId;
        Assert.True(ServerProcesses.IsRunning(pid));

        await server.DisposeAsync();

        Assert.True(await ServerProcesses.WaitGoneAsync(pid, TimeSpan.FromSeconds(5)), $"server {pid} still runs after dispose");
    }

    [Fact]
    public async Task ParentKilled_Sigkill_ServerExitsWithinSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The check reads /proc; xunit 2 has no runtime skip.
        }

        // A small parent (sh) starts the server with its own pid as --parent-pid, prints the server's pid, and waits.
        var script = $"\"{ServerProcesses.DotnetHost}\" \"{ServerProcesses.ServerDll}\" --port 0 --parent-pid $$ & echo \"SERVER_PID $!\"; wait";
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var parent = Process.Start(start)!;
        var serverPid = 0;
        try
        {
            using var deadline = new CancellationTokenSource(ServerProcesses.StartTimeout);
            var listening = false;
            while (!listening || serverPid == 0)
            {
                var line = await parent.StandardOutput.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("the parent's output ended early");
                if (line.StartsWith("SERVER_PID ", StringComparison.Ordinal))
                {
                    serverPid = int.Parse(line["SERVER_PID ".Length..], CultureInfo.InvariantCulture);
                }

                listening |= line.StartsWith("IOBENCH_LATENCY_SERVER_LISTENING ", StringComparison.Ordinal);
            }

            Assert.True(ServerProcesses.IsRunning(serverPid));

            parent.Kill(); // SIGKILL: the parent gets no chance to clean up.
            await parent.WaitForExitAsync();

            Assert.True(await ServerProcesses.WaitGoneAsync(serverPid, TimeSpan.FromSeconds(5)), $"server {serverPid} outlived its killed parent");
        }
        finally
        {
            if (serverPid != 0 && ServerProcesses.IsRunning(serverPid))
            {
                Process.GetProcessById(serverPid).Kill();
            }
        }
    }
}
