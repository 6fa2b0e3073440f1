using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Strategies;

/// <summary>The two bounds on a real Sleep workload, with bands wide enough for a noisy shared 2-core machine.</summary>
[Collection(PoolStarvingCollection.Name)] // two of these tests starve the pool for a second
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
        // Timers fire early here (200 x 50 ms measured 48.5 ms; a 20 ms delay in CI 14.7 ms: the timer's due time is read off a
        // coarse clock), so L - 15 ms; still proves the waits happened (without them, about 1 ms). 5 L is far below N x L.
        Assert.InRange(Stopwatch.GetElapsedTime(started), Latency - TimeSpan.FromMilliseconds(15), Latency * 5);
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

    [Fact]
    public async Task BatchRunnerOutOfBand_StarvedThreadPool_RunsTheDeadlineActionOnTime()
    {
        // The benchmark's mode, with the action that would end the process replaced: 200 pool work items block on a
        // call that only the action releases, so the deadline must come from a thread the starved pool cannot hold up.
        // The production action itself (print one line, Environment.Exit(124)) is three calls with no logic; a test of
        // it needs a child process and a helper project built for it, so it was checked by hand instead (exit 124
        // after 1.02 s for the same starved batch, the line on both streams).
        var release = new TaskCompletionSource();
        var workload = new ProbedWorkload(new GateWorkload(release.Task));
        string? message = null;
        var firedOnPool = true;
        var firedAfter = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => BatchRunner.RunOutOfBandAsync(
            Strategy.Create(StrategyKind.SyncOverAsync),
            workload,
            200,
            TimeSpan.FromSeconds(1),
            line =>
            {
                firedAfter = Stopwatch.GetElapsedTime(started);
                firedOnPool = Thread.CurrentThread.IsThreadPoolThread;
                message = line;
                release.TrySetResult();
            }));

        Assert.False(firedOnPool);
        Assert.InRange(firedAfter, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(4)); // the watchdog polls: late by up to 50 ms, never early
        Assert.Equal("SyncOverAsync x 200 of Gate did not finish within its 1 s deadline.", message);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task BatchRunnerOutOfBand_Sleep_GivesTheStrategyNoToken()
    {
        var workload = new ProbedWorkload(new TokenRecordingWorkload());
        await BatchRunner.RunAsync(Strategy.Create(StrategyKind.Task), workload, 3, TimeSpan.FromSeconds(30), DeadlineMode.EndProcess);
        Assert.False(((TokenRecordingWorkload)workload.Inner).SawCancellableToken);
    }

    /// <summary>An operation whose async call completes only when the test opens the gate.</summary>
    private sealed class GateWorkload(Task gate) : IWorkload
    {
        public string Name => "Gate";

        public TimeSpan Latency => TimeSpan.FromSeconds(30);

        public Task SetupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Run(CancellationToken cancellationToken) => gate.Wait(cancellationToken);

        public ValueTask RunAsync(CancellationToken cancellationToken) => new(gate);

        public ValueTask DisposeAsync() => default;
    }

    /// <summary>Records whether any call was given a token that can be cancelled (one that carries registrations).</summary>
    private sealed class TokenRecordingWorkload : IWorkload
    {
        private volatile bool _sawCancellable;

        public bool SawCancellableToken => _sawCancellable;

        public string Name => "TokenRecording";

        public TimeSpan Latency => TimeSpan.FromMilliseconds(10);

        public Task SetupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Run(CancellationToken cancellationToken) => _sawCancellable |= cancellationToken.CanBeCanceled;

        public ValueTask RunAsync(CancellationToken cancellationToken)
        {
            _sawCancellable |= cancellationToken.CanBeCanceled;
            return new(Task.Delay(Latency, cancellationToken));
        }

        public ValueTask DisposeAsync() => default;
    }
}
