using System.Diagnostics;
using IoBench.Core.Http;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Http;

/// <summary>The HTTP workloads against a real latency server: checked bodies in both forms, and failures that come fast and clear.</summary>
public sealed class HttpWorkloadTests(LatencyServerFixture fixture) : IClassFixture<LatencyServerFixture>
{
    private static readonly TimeSpan L = TimeSpan.FromMilliseconds(20);

    public static TheoryData<string, StrategyKind> Cases => new()
    {
        { WorkloadNames.HttpDelay, StrategyKind.Sequential },
        { WorkloadNames.HttpDelay, StrategyKind.Thread },
        { WorkloadNames.HttpDelay, StrategyKind.Task },
        { WorkloadNames.HttpDelay, StrategyKind.ValueTask },
        { WorkloadNames.HttpBlockingServer, StrategyKind.Thread },
        { WorkloadNames.HttpBlockingServer, StrategyKind.Task },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Batch_BothForms_RunsEveryCheckedRequest(string name, StrategyKind strategy)
    {
        await using var workload = new ProbedWorkload(Create(name, new() { Latency = L, ServerUrl = fixture.Server.BaseAddress, WarmConnections = 10 }));
        await workload.SetupAsync(CancellationToken.None);

        await BatchRunner.RunAsync(Strategy.Create(strategy), workload, 10, TimeSpan.FromSeconds(30));

        Assert.Equal(10, workload.Calls);
    }

    [Fact]
    public async Task Run_BlockingForm_TakesAboutL()
    {
        await using var workload = new HttpDelayWorkload(new() { Latency = TimeSpan.FromMilliseconds(50), ServerUrl = fixture.Server.BaseAddress });
        await workload.SetupAsync(CancellationToken.None);

        var watch = Stopwatch.StartNew();
        workload.Run(CancellationToken.None);
        await workload.RunAsync(CancellationToken.None);

        // Two server delays of 50 ms; the server's Task.Delay can end several ms early (a 20 ms delay measured 14.7 ms in CI),
        // so 70: a workload that skipped the delay takes a few ms.
        Assert.InRange(watch.Elapsed.TotalMilliseconds, 70, 2000);
    }

    [Fact]
    public async Task Batch_ConnectionLimit_RunsInWavesOfC()
    {
        await using var workload = new ProbedWorkload(new HttpDelayWorkload(new() { Latency = TimeSpan.FromMilliseconds(50), ServerUrl = fixture.Server.BaseAddress, MaxConnections = 2, WarmConnections = 2 }));
        await workload.SetupAsync(CancellationToken.None);

        var watch = Stopwatch.StartNew();
        await BatchRunner.RunAsync(Strategy.Create(StrategyKind.Task), workload, 8, TimeSpan.FromSeconds(30));

        // ceil(8/2) = 4 waves of 50 ms, each delay possibly a few ms early (hence 140, not 200); unlimited would take about
        // 50 ms, two connections' worth of no limit 100.
        Assert.InRange(watch.Elapsed.TotalMilliseconds, 140, 3000);
    }

    [Fact]
    public async Task ReadServerStats_OwnServer_ReportsItsThreads()
    {
        await using var workload = new HttpBlockingServerWorkload(new() { Latency = L, ServerUrl = fixture.Server.BaseAddress });
        await workload.SetupAsync(CancellationToken.None);
        await workload.RunAsync(CancellationToken.None);

        var stats = await workload.ReadServerStatsAsync(CancellationToken.None);

        Assert.NotNull(stats);
        Assert.Equal(fixture.Server.ProcessId, stats.ProcessId);
        Assert.True(stats.PeakThreadPoolThreadCount > 0);
    }

    [Fact]
    public async Task Setup_NoUrl_StartsAndStopsItsOwnServer()
    {
        var workload = new HttpDelayWorkload(new() { Latency = L });
        await workload.SetupAsync(CancellationToken.None);
        var pid = workload.Server!.ProcessId;
        await workload.RunAsync(CancellationToken.None);

        await workload.DisposeAsync();

        Assert.True(await ServerProcesses.WaitGoneAsync(pid, TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(StrategyKind.Task)]
    [InlineData(StrategyKind.Thread)]
    public async Task Batch_ServerKilledMidBatch_FailsFastWithClearError(StrategyKind strategy)
    {
        await using var server = await ServerProcesses.StartAsync();
        await using var workload = new ProbedWorkload(new HttpDelayWorkload(new() { Latency = TimeSpan.FromSeconds(3), ServerUrl = server.BaseAddress, WarmConnections = 20 }));
        await workload.SetupAsync(CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var batch = BatchRunner.RunAsync(Strategy.Create(strategy), workload, 20, TimeSpan.FromSeconds(60));
        await Task.Delay(300);
        await server.DisposeAsync();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => batch);

        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 2.5);
        Assert.Contains("latency server at", Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerStopsAnswering_FailsAfterTheRequestTimeout()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // SIGSTOP via kill(1); xunit 2 has no runtime skip.
        }

        await using var server = await ServerProcesses.StartAsync();
        await using var workload = new HttpDelayWorkload(new() { Latency = L, ServerUrl = server.BaseAddress, RequestTimeout = TimeSpan.FromSeconds(1) });
        await workload.SetupAsync(CancellationToken.None);
        Signal("STOP", server.ProcessId);
        try
        {
            var watch = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => workload.RunAsync(CancellationToken.None).AsTask());

            Assert.InRange(watch.Elapsed.TotalSeconds, 0.8, 5);
            Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Signal("CONT", server.ProcessId);
        }
    }

    private static IWorkload Create(string name, HttpWorkloadOptions options) => name switch
    {
        WorkloadNames.HttpDelay => new HttpDelayWorkload(options),
        WorkloadNames.HttpBlockingServer => new HttpBlockingServerWorkload(options),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string Describe(Exception error) =>
        error is AggregateException all ? string.Join(" | ", all.Flatten().InnerExceptions.Select(e => e.Message)) : error.Message + " | " + error.InnerException?.Message;

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
