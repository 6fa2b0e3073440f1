using IoBench.Benchmarks;
using IoBench.Benchmarks.Measurement;
using IoBench.Core.Http;

namespace IoBench.Tests.Faults;

/// <summary>
/// Ctrl-C in the middle of a run (SIGINT to the app's process group, as a terminal sends it): the app and its latency
/// server exit, the suite's temporary folders are removed, and no report (whole or half-written) appears.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class InterruptTests
{
    [Theory]
    [InlineData("*HttpDelay*", true)] // a latency server is running
    [InlineData("*SqliteSleep*", true)] // a SQLite database folder exists
    [InlineData("*SqliteSleep*", false)] // the same in a benchmark process of BenchmarkDotNet's (it builds one first: ~20 s)
    public async Task App_CtrlCMidBatch_ChildrenExitTempFoldersGoAndNoReport(string filter, bool quick)
    {
        // 10 sequential operations of 200 ms: the batch runs for 2 s when the signal comes.
        string[] args = ["--filter", filter, "--ops", "10", "--strategies", "Sequential", "--latency-ms", "200", "--max-sequential-ms", "3000"];
        await using var app = RunningApp.Start(quick ? ["--quick", .. args] : args);
        await app.WaitForLineAsync(l => l.StartsWith(CaseObservations.ProcessPrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(quick ? 60 : 180));
        var temporary = app.LeftoverTempFolders();
        Assert.Contains(temporary, f => f.StartsWith("iobench-run-", StringComparison.Ordinal)); // the run's calibration folder
        var servers = app.Children().Where(pid => CommandLine(pid).Contains(LatencyServerProcess.ServerDllName, StringComparison.Ordinal)).ToList();
        if (filter == "*HttpDelay*")
        {
            Assert.Single(servers);
        }
        else
        {
            Assert.Contains(temporary, f => f.StartsWith("iobench-sqlite-", StringComparison.Ordinal));
        }

        if (!quick)
        {
            Assert.NotEmpty(app.Children()); // BenchmarkDotNet's benchmark process
        }

        // The project BenchmarkDotNet generated for this run (a GUID-named folder beside the app, holding its benchmark
        // process's working folder): an interrupted run leaves it (tests/README.md, Reliability), so the test removes it itself.
        var generated = app.Children().Select(GeneratedProjectFolder).OfType<string>().ToList();

        app.SignalGroup("INT");
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode != 0, $"exit code 0 after Ctrl-C:\n{app.Output}");
        Assert.Empty(await ProcessTable.WaitChildrenGoneAsync(app.Pid, TimeSpan.FromSeconds(5)));
        Assert.All(servers, pid => Assert.False(Http.ServerProcesses.IsRunning(pid), $"latency server {pid} still runs"));
        Assert.Empty(app.LeftoverTempFolders());
        foreach (var folder in generated)
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.False(Directory.Exists(app.Results) && Directory.EnumerateFiles(app.Results).Any(), $"an interrupted run wrote results: {string.Join(", ", Directory.Exists(app.Results) ? Directory.EnumerateFiles(app.Results) : [])}");
    }

    private static string? GeneratedProjectFolder(int pid)
    {
        try
        {
            // It runs in <guid>/bin/Release/net10.0/ of the project.
            for (var folder = new DirectoryInfo(new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: true)!.FullName); folder is not null; folder = folder.Parent)
            {
                if (Guid.TryParse(folder.Name, out _))
                {
                    return folder.FullName;
                }
            }

            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
