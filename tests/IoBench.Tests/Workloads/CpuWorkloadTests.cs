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
        var started = Stopwatch.GetTimestamp();
        workload.Run(CancellationToken.None);
        Assert.True(workload.Iterations > 0);
        Assert.InRange(Stopwatch.GetElapsedTime(started), Latency / 4, Latency * 5);
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
        var started = Stopwatch.GetTimestamp();
        await Strategy.Create(StrategyKind.EventLoop).RunAsync(workload, 6, CancellationToken.None);
        Assert.True(Stopwatch.GetElapsedTime(started) >= Latency * 6 * 0.7);
    }
}
