using System.Diagnostics;
using System.Text.RegularExpressions;
using IoBench.Core.Settings;
using IoBench.Tests.Faults;
using IoBench.Tests.Http;
using Xunit.Abstractions;

namespace IoBench.Tests.Calls;

/// <summary>
/// --http-call against the suite's own latency server (GET /delay/20: the server awaits Task.Delay, so it overlaps any
/// number of calls), with the run's default time cap: the run ends within it, and the decision section, computed from the
/// run's data, names N = 20 and an async strategy for the configuration with C = 10 connections (ceil(N/C)×L = 2 L there,
/// the client's saturation), and no departure where the connections are unlimited.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed partial class HttpCallDecisionRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task App_LatencyServerWithC10_DecisionNamesN20AndAnAsyncStrategyWithinTheDefaultTimeCap()
    {
        await using var server = await ServerProcesses.StartAsync();
        var watch = Stopwatch.StartNew();
        await using var app = RunningApp.Start(
            "--http-call", $"GET {server.BaseAddress}delay/20", "--strategies", "Sequential,Task,ValueTask", "--ops", "2,5,10,20,50");
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(SuiteSettings.DefaultTimeCapSeconds + 60));
        var took = watch.Elapsed;

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{app.Output}");
        var report = await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-report.md"));
        var decision = report[report.IndexOf("## Decision: ", StringComparison.Ordinal)..report.IndexOf("## Environment", StringComparison.Ordinal)];
        output.WriteLine(decision);
        output.WriteLine($"run took {took.TotalSeconds:0} s");

        // The cap counts from the host's start; a few seconds more for the test's own process start and exit.
        Assert.InRange(took.TotalSeconds, 0, SuiteSettings.DefaultTimeCapSeconds + 15);
        Assert.StartsWith($"## Decision: GET {server.BaseAddress}delay/20", decision, StringComparison.Ordinal);
        var limited = Section(decision, "HttpCall (Connections = 10)");
        Assert.Matches(LeavesFromN20(), limited);
        Assert.Contains("the client's saturation: its limit C = 10", limited, StringComparison.Ordinal);
        Assert.Contains("stays within 1.5 × max(L) up to N = 50", Section(decision, "HttpCall (Connections = unlimited)"), StringComparison.Ordinal);
    }

    private static string Section(string text, string title)
    {
        var start = text.IndexOf($"### {title}", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {title}:\n{text}");
        var end = text.IndexOf("### ", start + 4, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    [GeneratedRegex(@"From N = 20 the best async strategy leaves max\(L\) by more than 1\.5 ×: (Task|ValueTask) took [0-9.]+ ms \((1\.[6-9]|2\.[0-9]+|3\.[0-9]+) × max\(L\)\) at N = 20\.")]
    private static partial Regex LeavesFromN20();
}
