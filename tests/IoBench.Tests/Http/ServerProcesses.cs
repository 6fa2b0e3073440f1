using System.Diagnostics;
using IoBench.Core.Http;

namespace IoBench.Tests.Http;

/// <summary>Starts latency servers for tests and finds the ones still alive (Linux /proc), so none can outlive the run.</summary>
internal static class ServerProcesses
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public static string ServerDll =>
        LatencyServerProcess.LocateServerDll() ?? throw new InvalidOperationException("IoBench.LatencyServer.dll is not next to the tests: the test project must reference the server project.");

    public static Task<LatencyServerProcess> StartAsync(int? minThreads = null) =>
        LatencyServerProcess.StartAsync(ServerDll, minThreads, StartTimeout, CancellationToken.None);

    /// <summary>The dotnet muxer, found the way the launcher finds it.</summary>
    public static string DotnetHost =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";

    /// <summary>True while the process exists and is not a zombie (a zombie has exited and only waits to be reaped).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits until the process is gone; false if it still runs after <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitGoneAsync(int pid, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Latency servers started with this process as their parent that are still running.</summary>
    public static IReadOnlyList<int> Leftovers()
    {
        var marker = $"--parent-pid\0{Environment.ProcessId}\0";
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (cmdline.Contains(LatencyServerProcess.ServerDllName, StringComparison.Ordinal) && cmdline.Contains(marker, StringComparison.Ordinal) && IsRunning(pid))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
