using System.Diagnostics;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Measurement;
using Xunit.Abstractions;
using IoBench.Core.Http;

namespace IoBench.Tests.Faults;

/// <summary>
/// The latency server a case started is killed in the middle of its batch: that case fails with one line saying the
/// server cannot be reached, the next case starts a server of its own and is reported, and no server outlives the app.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class LatencyServerKilledTests(ITestOutputHelper output)
{
    [Fact]
    public async Task App_LatencyServerKilledMidBatch_CaseFailsClearlyAndTheNextCaseStartsItsOwn()
    {
        // Two cases of 10 sequential requests of 200 ms: 2 s a batch, long enough to kill the server in the middle.
        await using var app = RunningApp.Start(
            "--quick", "--filter", "*HttpDelay*", "--ops", "10", "--strategies", "Sequential,SequentialAwait",
            "--latency-ms", "200", "--max-sequential-ms", "3000");

        // Setup printed its line: the first case's server is up and its batches are starting.
        await app.WaitForLineAsync(l => l.StartsWith(CaseObservations.ProcessPrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var first = Assert.Single(Servers(app));
        Process.GetProcessById(first).Kill();

        await app.WaitForLineAsync(l => l.StartsWith("// Benchmark: HttpDelayBenchmarks", StringComparison.Ordinal) && l.Contains("Strategy=SequentialAwait", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var second = await SecondServerAsync(app, first);
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(90));

        foreach (var line in app.Lines.Where(l => l.StartsWith(BatchBenchmarks.FailurePrefix, StringComparison.Ordinal)))
        {
            output.WriteLine(line); // what the user reads
        }

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{app.Output}");
        var failure = Assert.Single(app.Lines, l => l.StartsWith(BatchBenchmarks.FailurePrefix, StringComparison.Ordinal));
        Assert.Contains("HttpDelayBenchmarks.Batch [Connections=unlimited, Strategy=Sequential, N=10, K=none]", failure, StringComparison.Ordinal);
        Assert.Contains("HttpRequestException", failure, StringComparison.Ordinal);
        Assert.NotEqual(first, second);

        var report = await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-report.md"));
        Assert.Matches(@"\| Sequential \| \*\*failed\*\* \|", report);
        Assert.Matches(@"\| SequentialAwait \| [0-9,]+ ms", report);
        Assert.Empty(await ProcessTable.WaitChildrenGoneAsync(app.Pid, TimeSpan.FromSeconds(5)));
        Assert.Empty(app.LeftoverTempFolders());
    }

    private static IReadOnlyList<int> Servers(RunningApp app) =>
        [.. ProcessTable.ChildrenOf(app.Pid).Where(pid => ReadCommandLine(pid).Contains(LatencyServerProcess.ServerDllName, StringComparison.Ordinal))];

    /// <summary>The server the second case starts: a new one (its batches run 4 s, ample time to see it).</summary>
    private static async Task<int> SecondServerAsync(RunningApp app, int first)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (Servers(app).FirstOrDefault(pid => pid != first) is var pid and > 0)
            {
                return pid;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"the second case started no latency server of its own; output:\n{app.Output}");
        return 0;
    }

    private static string ReadCommandLine(int pid)
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
