using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace IoBench.Tests.Faults;

/// <summary>
/// The benchmark app as a running child process that a test can interfere with while it runs: its own process group
/// (so a test can send Ctrl-C's SIGINT to the group, as a terminal does, without hitting the test host), its own temp
/// folder (so whatever it leaves there is its own), and its output line by line as it comes.
/// </summary>
internal sealed class RunningApp : IAsyncDisposable
{
    private const int SigCont = 18; // Linux x86-64 and arm64
    private const int SigStop = 19;

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _all = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _streamsOpen = 2;

    private RunningApp(Process process, string temp, string artifacts)
    {
        _process = process;
        Temp = temp;
        Artifacts = artifacts;
    }

    /// <summary>The app's TMPDIR: empty when the app cleaned up after itself.</summary>
    public string Temp { get; }

    /// <summary>The folder given to --artifacts.</summary>
    public string Artifacts { get; }

    public string Results => Path.Combine(Artifacts, "results");

    public int Pid => _process.Id;

    /// <summary>Everything the app printed so far (stdout and stderr, in arrival order).</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return _all.ToString();
            }
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Starts the built app with these arguments and --artifacts; the suite's variables of the test environment are removed.</summary>
    public static RunningApp Start(params string[] args)
    {
        var app = Repository.PathOf("benchmarks", "IoBench.Benchmarks", "bin", Repository.Configuration, "net10.0", "IoBench.Benchmarks.dll");
        Assert.True(File.Exists(app), $"benchmark app not built: {app}");
        var folder = Path.GetDirectoryName(app)!;
        // BenchmarkDotNet refuses an assembly under the temp folder: a temp folder below the app's is not above it.
        var temp = Directory.CreateDirectory(Path.Combine(folder, "iobench-tmp", "fault-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        var artifacts = Directory.CreateTempSubdirectory("iobench-fault-artifacts-").FullName;

        // setsid: the app leads a process group of its own, which its latency servers join. env --default-signal: a test
        // run started in the background of a non-interactive shell (a CI runner's `cmd &`) inherits SIGINT and SIGQUIT
        // ignored, and .NET leaves an ignored SIGINT ignored, so the app would never see the Ctrl-C the test sends (seen:
        // "exit code 0 after Ctrl-C" in such a run). A user's terminal gives the default; so does this.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = folder };
        start.ArgumentList.Add("--default-signal=INT,QUIT,TERM");
        start.ArgumentList.Add("setsid");
        start.ArgumentList.Add(Http.ServerProcesses.DotnetHost);
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--artifacts");
        start.ArgumentList.Add(artifacts);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("IOBENCH_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["TMPDIR"] = temp;
        var process = new Process { StartInfo = start };
        var running = new RunningApp(process, temp, artifacts);
        process.OutputDataReceived += (_, e) => running.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => running.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits for the first line that matches; fails the test with the output so far when none comes.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (Lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited && !_closed.Task.IsCompleted)
            {
                // Exited, but its last lines may still be in the pipe: read to the end before deciding.
                await _closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
                continue;
            }

            if (watch.Elapsed > within || _process.HasExited)
            {
                Assert.Fail($"no such line from the app within {within.TotalSeconds} s (exited: {(_process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "no")}); output:\n{Output}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits for the app to exit (bounded: a hang fails the test) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await _closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the app did not exit within {within.TotalSeconds} s (a hang); output:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends a signal to the app's whole process group, as a terminal's Ctrl-C does.</summary>
    public void SignalGroup(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, "--", "-" + Pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Stops the app where it is (SIGSTOP), every thread at once, until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        Assert.Equal(0, kill(Pid, SigStop));
        // The signal is delivered asynchronously: wait (briefly) until the kernel shows the process stopped.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(1) && ProcessTable.State(Pid) != 'T')
        {
            Thread.Yield();
        }
    }

    /// <summary>Lets a paused app go on (SIGCONT).</summary>
    public void Resume() => Assert.Equal(0, kill(Pid, SigCont));

    /// <summary>Processes whose parent is the app (latency servers, BenchmarkDotNet's benchmark processes), still running.</summary>
    public IReadOnlyList<int> Children() => ProcessTable.ChildrenOf(Pid);

    /// <summary>The suite's own temporary folders the app left in its temp folder.</summary>
    public IReadOnlyList<string> LeftoverTempFolders() =>
        Directory.Exists(Temp) ? [.. Directory.EnumerateDirectories(Temp, "iobench-*").Select(Path.GetFileName).OfType<string>()] : [];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        foreach (var folder in new[] { Temp, Artifacts }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private void OnLine(string? line)
    {
        if (line is null)
        {
            if (Interlocked.Decrement(ref _streamsOpen) == 0)
            {
                _closed.TrySetResult();
            }

            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            _all.AppendLine(line);
        }
    }
}
