using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

public sealed class CpuWorkloadTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(40);

    [Fact]
    public void Run_BeforeSetup_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new CpuWorkload(Latency).Run(CancellationToken.None));

    [Fact]
    public async Task Run_AfterCalibration_TakesAboutL()
    {
        var workload = new CpuWorkload(Latency);
        await workload.SetupAsync(CancellationToken.None);
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            workload.Run(CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            fastest = elapsed < fastest ? elapsed : fastest;
        }

        Assert.True(workload.Iterations > 0);

        // The fastest of five runs is the least disturbed by other processes; measured 1.01-1.03 L with a loaded machine.
        // 0.6-1.6 L leaves room for a busier one and still catches a calibration off by 2x (0.5 L or 2 L).
        Assert.InRange(fastest, Latency * 0.6, Latency * 1.6);
    }

    [Fact]
    public async Task RunAsync_Always_ReturnsPending()
    {
        var workload = new ProbedWorkload(new CpuWorkload(Latency));
        await workload.SetupAsync(CancellationToken.None);
        await Strategy.Create(StrategyKind.Task).RunAsync(workload, 4, CancellationToken.None);
        Assert.Equal(0, workload.SyncPercent);
    }

    [Fact]
    public async Task EventLoop_CpuWork_GetsNoParallelism()
    {
        // One thread runs every operation's work: at least N x L, whatever the cores.
        var workload = new CpuWorkload(Latency);
        await workload.SetupAsync(CancellationToken.None);
        var strategy = Strategy.Create(StrategyKind.EventLoop);
        using var loop = (IDisposable)strategy; // ends the loop thread
        var started = Stopwatch.GetTimestamp();
        await strategy.RunAsync(workload, 6, CancellationToken.None);
        Assert.True(Stopwatch.GetElapsedTime(started) >= Latency * 6 * 0.7);
    }
}
