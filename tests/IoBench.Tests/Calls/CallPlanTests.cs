using IoBench.Benchmarks.Calls;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Calls;

/// <summary>
/// The N a call run keeps under its time cap: the async strategies keep the ladder longest, every strategy the largest N that
/// then fits, a cap too short for the smallest N is refused; and each case's estimate follows its law.
/// </summary>
public sealed class CallPlanTests
{
    private static readonly CallPlan Probed = new(TimeSpan.FromMilliseconds(20), TimeCapSeconds: 100);

    /// <summary>Per N: 4 cells of other strategies and 2 async rows, 1 s each.</summary>
    private static readonly List<(int N, bool Async, TimeSpan Time)> Cases =
        [.. CallPlan.Ladder.SelectMany(n => Enumerable.Range(0, 6).Select(i => (n, i < 2, TimeSpan.FromSeconds(1))))];

    [Fact]
    public void Choose_EverythingFits_CutsNothing()
    {
        var plan = CallRun.Choose(Probed, Cases, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(100));

        Assert.Null(plan.LargestN);
        Assert.Null(plan.LargestAsyncN);
        Assert.Equal(TimeSpan.FromSeconds(70), plan.Estimated);
        Assert.Null(plan.WhyNotRun(StrategyKind.Sequential, 0, 1000));
    }

    [Fact]
    public void Choose_AsyncFitsEverywhere_OthersStopWhereTheRestFits()
    {
        // 10 s fixed + 20 s of async rows over the ladder leave 20 s: 4 other cells per N, so N = 1 to 50 (5 N).
        var plan = CallRun.Choose(Probed, Cases, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(50));

        Assert.Equal(20, plan.LargestN); // 1, 2, 5, 10, 20: 5 N x 4 = 20 s
        Assert.Null(plan.LargestAsyncN);
        Assert.Null(plan.WhyNotRun(StrategyKind.Task, 0, 1000));
        Assert.Null(plan.WhyNotRun(StrategyKind.Thread, 0, 20));
        Assert.Contains("time cap", plan.WhyNotRun(StrategyKind.Thread, 0, 50), StringComparison.Ordinal);
        Assert.Contains("time cap", plan.WhyNotRun(StrategyKind.Bounded, 10, 50), StringComparison.Ordinal); // a K row is not an async row
    }

    [Fact]
    public void Choose_AsyncAloneOverTheCap_KeepsTheSmallestNAndAsyncAsFarAsItFits()
    {
        // 10 s fixed + N = 1's 6 s, then 2 s per N of async rows: 20 s leave 2 more N.
        var plan = CallRun.Choose(Probed, Cases, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        Assert.Equal(1, plan.LargestN);
        Assert.Equal(5, plan.LargestAsyncN);
        Assert.Contains("time cap", plan.WhyNotRun(StrategyKind.Task, 0, 10), StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NotEvenTheSmallestN_IsRefusedInOneLine()
    {
        var error = Assert.Throws<SettingsException>(() => CallRun.Choose(Probed, Cases, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12)));

        Assert.Contains("--time-cap-s 12", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Batch_FollowsEachLaw()
    {
        var l = TimeSpan.FromMilliseconds(20);

        Assert.Equal(l * 50, CaseTimeEstimate.Batch(StrategyKind.Sequential, 50, 0, 0, l, default, false));
        Assert.Equal(l * 5, CaseTimeEstimate.Batch(StrategyKind.Bounded, 50, 10, 0, l, default, false));
        Assert.Equal(l * 5, CaseTimeEstimate.Batch(StrategyKind.Task, 50, 0, 10, l, default, false)); // C = 10
        Assert.Equal(l, CaseTimeEstimate.Batch(StrategyKind.Task, 1000, 0, 0, l, default, false));
        Assert.Equal(l * 50, CaseTimeEstimate.Batch(StrategyKind.Task, 50, 0, 0, l, IoBench.Core.Workloads.WorkloadTraits.SynchronousAsync, false));
        Assert.True(CaseTimeEstimate.Batch(StrategyKind.ThreadPool, 100, 0, 0, l, default, true) > l * 2); // waves of a steady pool
    }

    [Fact]
    public void TimeCapClock_CaseThatWouldEndAfterTheCap_IsNotStartedAndRemembered()
    {
        var cases = BenchmarkDotNet.Running.BenchmarkConverter.TypeToBenchmarks(typeof(IoBench.Tests.Runtimes.RuntimeChoiceTests.TinyBenchmark)).BenchmarksCases;
        var (first, estimate) = (cases[0], TimeSpan.FromSeconds(5));
        var roomy = new TimeCapClock(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), _ => estimate);
        var late = new TimeCapClock(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(55), _ => estimate);

        Assert.Null(roomy.WhyNotStart(first));
        Assert.Null(roomy.NotStarted(first));
        Assert.Contains("--time-cap-s 60", late.WhyNotStart(first), StringComparison.Ordinal);
        Assert.NotNull(late.NotStarted(first));
    }
}
