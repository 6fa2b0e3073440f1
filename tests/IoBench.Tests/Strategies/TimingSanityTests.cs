using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Strategies;

/// <summary>The two bounds on a real Sleep workload, with bands wide enough for a noisy shared 2-core machine.</summary>
public sealed class TimingSanityTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Task_SleepN200_FinishesWellUnderFiveLatencies()
    {
        var workload = new SleepWorkload(Latency);
        await Strategy.Create(StrategyKind.Task).RunAsync(workload, 10, CancellationToken.None); // warm the timer path

        var started = Stopwatch.GetTimestamp();
        await Strategy.Create(StrategyKind.Task).RunAsync(workload, 200, CancellationToken.None);
        // Timers fire early here (200 x 50 ms measured 48.5 ms), so 0.9 L; still proves the waits happened. 5 L is far below N x L.
        Assert.InRange(Stopwatch.GetElapsedTime(started), Latency * 0.9, Latency * 5);
    }

    [Fact]
    public async Task Sequential_SleepN5_TakesAtLeastFiveLatencies()
    {
        var workload = new SleepWorkload(Latency);
        var started = Stopwatch.GetTimestamp();
        await Strategy.Create(StrategyKind.Sequential).RunAsync(workload, 5, CancellationToken.None);

        // A timed wait can end up to a millisecond early; five of them still cannot add up to much less than 5 x L.
        Assert.True(Stopwatch.GetElapsedTime(started) >= Latency * 5 - TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public async Task BatchRunner_BatchOverDeadline_FailsWithTimeout()
    {
        var workload = new ProbedWorkload(new SleepWorkload(TimeSpan.FromSeconds(30)));
        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            BatchRunner.RunAsync(Strategy.Create(StrategyKind.Sequential), workload, 3, TimeSpan.FromMilliseconds(300)));
        Assert.Contains("deadline", error.Message, StringComparison.Ordinal);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task BatchRunner_StarvedThreadPool_StillEndsAtItsDeadline()
    {
        // 200 pool work items each block on a 30 s async call: the pool is starved, yet the deadline must still fire.
        var workload = new ProbedWorkload(new SleepWorkload(TimeSpan.FromSeconds(30)));
        var started = Stopwatch.GetTimestamp();
        await Assert.ThrowsAsync<TimeoutException>(() =>
            BatchRunner.RunAsync(Strategy.Create(StrategyKind.SyncOverAsync), workload, 200, TimeSpan.FromSeconds(1)));
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
    }
}
