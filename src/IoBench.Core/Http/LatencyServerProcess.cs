using System.Diagnostics;
using System.Globalization;
using System.Text;
using IoBench.Core.Settings;

namespace IoBench.Core.Http;

/// <summary>
/// Runs IoBench.LatencyServer as a child process for the lifetime of a benchmark (start in global setup, dispose in cleanup).
/// </summary>
public sealed class LatencyServerProcess : IAsyncDisposable, IDisposable
{
    /// <summary>File name of the server assembly, as built by src/IoBench.LatencyServer.</summary>
    public const string ServerDllName = "IoBench.LatencyServer.dll";

    private const string ListeningPrefix = "IOBENCH_LATENCY_SERVER_LISTENING ";
    private const int MaxStderrChars = 16_384;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HealthAttemptTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HealthRetryDelay = TimeSpan.FromMilliseconds(20);

    private readonly Process _process;
    private readonly StringBuilder _stderr;
    private int _disposed;

    private LatencyServerProcess(Process process, StringBuilder stderr, Uri baseAddress)
    {
        _process = process;
        _stderr = stderr;
        BaseAddress = baseAddress;
        ProcessId = process.Id;
    }

    /// <summary>Root address of the server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>OS process id of the server.</summary>
    public int ProcessId { get; }

    /// <summary>What the server has written to stderr so far (the tail only), for diagnostics.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Finds the server next to the running code. Assumes the benchmark/test project has a ProjectReference to
    /// IoBench.LatencyServer, so the build copies IoBench.LatencyServer.dll (and its runtimeconfig.json) into the same output folder.
    /// </summary>
    public static string? LocateServerDll()
    {
        var path = Path.Combine(AppContext.BaseDirectory, ServerDllName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Starts <c>dotnet &lt;serverDllPath&gt; --port 0 --parent-pid &lt;this pid&gt; [--min-threads N]</c>, waits for its
    /// LISTENING line and a 200 from /health, all within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<LatencyServerProcess> StartAsync(string serverDllPath, int? minThreads, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverDllPath);
        if (!File.Exists(serverDllPath))
        {
            throw new FileNotFoundException("latency server assembly not found", serverDllPath);
        }

        var process = new Process { StartInfo = CreateStartInfo(serverDllPath, minThreads), EnableRaisingEvents = true };
        var stderr = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => OnStdoutLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => AppendBounded(stderr, e.Data);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = default(LatencyServerProcess);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(timeout);
            var baseAddress = await WaitForListeningAsync(process, listening.Task, stderr, deadline.Token).ConfigureAwait(false);
            await WaitForHealthAsync(baseAddress, deadline.Token).ConfigureAwait(false);
            server = new LatencyServerProcess(process, stderr, baseAddress);
            return server;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"latency server (pid {process.Id}) was not healthy within {timeout.TotalSeconds:0.###} s; stderr: {Snapshot(stderr)}");
        }
        finally
        {
            if (server is null)
            {
                await StopAsync(process).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Kills the server (and anything it started) and waits, bounded, for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAsync(_process).ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous form of <see cref="DisposeAsync"/> for cleanup hooks that cannot await.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Kill(_process);
            _process.WaitForExit(ExitWait);
            _process.Dispose();
        }
    }

    private static ProcessStartInfo CreateStartInfo(string serverDllPath, int? minThreads)
    {
        var start = new ProcessStartInfo(ResolveDotnetHost())
        {
            UseShellExecute = false,
            // stdin is redirected too, so the server never shares the benchmark's console input.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(serverDllPath)),
        };
        // The server stands for a remote dependency: the benchmark process's own processor count and forced pool minimum
        // (--processor-count, --min-worker-threads) are not its, and under a forced minimum its --min-threads would be refused.
        RuntimeKnobs.RemoveFrom(start.Environment);
        start.ArgumentList.Add(serverDllPath);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        start.ArgumentList.Add("--parent-pid");
        start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (minThreads is { } threads)
        {
            start.ArgumentList.Add("--min-threads");
            start.ArgumentList.Add(threads.ToString(CultureInfo.InvariantCulture));
        }

        return start;
    }

    private static string ResolveDotnetHost()
    {
        // Same muxer as ours when we run as `dotnet x.dll`; otherwise the one the SDK/test host advertises, else PATH.
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(hostPath) && File.Exists(hostPath) ? hostPath : "dotnet";
    }

    private static void OnStdoutLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            // End of stdout before the line means the server died; the caller reports why.
            listening.TrySetException(new InvalidOperationException("stdout closed"));
        }
        else if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal)
            && Uri.TryCreate(line[ListeningPrefix.Length..].Trim(), UriKind.Absolute, out var address))
        {
            listening.TrySetResult(address);
        }
    }

    private static async Task<Uri> WaitForListeningAsync(Process process, Task<Uri> listening, StringBuilder stderr, CancellationToken ct)
    {
        try
        {
            return await listening.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            using var exitWait = new CancellationTokenSource(ExitWait);
            await process.WaitForExitAsync(exitWait.Token).ConfigureAwait(false);
            throw new InvalidOperationException(
                $"latency server exited with code {process.ExitCode} before listening; stderr: {Snapshot(stderr)}");
        }
    }

    private static async Task WaitForHealthAsync(Uri baseAddress, CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = HealthAttemptTimeout };
        var health = new Uri(baseAddress, "/health");
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(health, ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting yet; retry until the deadline.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // One attempt timed out; the overall deadline decides when to give up.
            }

            await Task.Delay(HealthRetryDelay, ct).ConfigureAwait(false);
        }
    }

    private static async Task StopAsync(Process process)
    {
        Kill(process);
        using var exitWait = new CancellationTokenSource(ExitWait);
        try
        {
            await process.WaitForExitAsync(exitWait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Bounded wait: a server that will not die must not hang benchmark cleanup.
        }

        process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited (or never started): nothing to kill.
        }
    }

    private static void AppendBounded(StringBuilder stderr, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (stderr)
        {
            stderr.AppendLine(line);
            // Keep the tail: the last lines explain a crash best.
            if (stderr.Length > MaxStderrChars)
            {
                stderr.Remove(0, stderr.Length - MaxStderrChars);
            }
        }
    }

    private static string Snapshot(StringBuilder stderr)
    {
        lock (stderr)
        {
            return stderr.Length == 0 ? "(empty)" : stderr.ToString().Trim();
        }
    }
}
