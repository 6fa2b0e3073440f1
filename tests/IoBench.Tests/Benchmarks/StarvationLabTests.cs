using BenchmarkDotNet.Running;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Benchmarks;

/// <summary>
/// The starvation lab's measuring side: the pool timeline travels on the batch line and comes back whole, each warm-up
/// burst has its line, the sampler runs on a thread of its own, and the family's matrix is the planned one.
/// </summary>
public sealed class StarvationLabTests
{
    private static readonly SuiteSettings Lab = new() { Starvation = true };

    [Fact]
    public void BatchLine_WithTimeline_ParsesBackToTheSameTimeline()
    {
        var timeline = new PoolTimeline([new(0, 2), new(501.2, 3), new(1003.9, 4), new(1510, 4)]);
        var metrics = new BatchMetrics(2, 4, 4, null, 100, 12_000, 100) { Timeline = timeline };

        var line = metrics.ToLine();
        var parsed = BatchMetrics.Parse(line)!;

        Assert.Contains(" timeline=0:2,501.2:3,1003.9:4,1510:4", line, StringComparison.Ordinal);
        Assert.Equal(timeline.Samples, parsed.Timeline!.Samples);
        Assert.Equal((2, 4), (parsed.PoolStart, parsed.PoolEnd));
    }

    [Fact]
    public void BatchLine_WithoutTimeline_HasNone() =>
        Assert.Null(BatchMetrics.Parse("// IoBench.Batch pool=2->3 threads=3 syncpct=- calls=10 alloc=0 workitems=10")!.Timeline);

    [Fact]
    public void BurstLine_ParsesBack()
    {
        var burst = new WarmupBurst(2, 1960.125, 8, 9);

        Assert.Equal(burst, WarmupBurst.Parse(burst.ToLine()));
        Assert.Null(WarmupBurst.Parse("// IoBench.Warmup bursts=2 seconds=7.2 pool=0->9 settled=no"));
    }

    // The defect: a sampler that reads something other than the pool's thread count (nothing: 0; the process's threads,
    // which include the sampler's own, the GC's and the test's) or mangles it. Within one process, with one pool thread
    // held busy throughout, every reading is at least 1 and at most the highest count an observer thread saw in the same
    // span (pool threads retire after 20 s idle, so a count the sampler read is one the observer read too).
    [Fact]
    public void Sampler_OnItsOwnThread_RecordsThePoolsCountFromStartToStop()
    {
        using var release = new ManualResetEventSlim();
        using var holding = new ManualResetEventSlim();
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            holding.Set();
            release.Wait();
        }, null);
        Assert.True(holding.Wait(TimeSpan.FromSeconds(30)), "the pool ran no work item within 30 s");
        var highest = ThreadPool.ThreadCount;
        var observing = true;
        var observer = new Thread(() =>
        {
            while (Volatile.Read(ref observing))
            {
                highest = Math.Max(highest, ThreadPool.ThreadCount);
                Thread.Yield();
            }
        }) { IsBackground = true };
        observer.Start();
        try
        {
            var sampler = PoolTimelineSampler.Start();
            Thread.Sleep(60);
            var timeline = sampler.Stop();
            Volatile.Write(ref observing, false);
            observer.Join();
            highest = Math.Max(highest, ThreadPool.ThreadCount);

            // Only the first reading, the changes and the last are kept; the last is at least the time slept (timers on a
            // busy machine fire late, never this early).
            Assert.True(timeline.Samples.Count >= 2);
            Assert.InRange(timeline.Samples[0].Ms, 0, 50); // the first reading, at the start (its first call may be JIT-compiled)
            Assert.InRange(timeline.EndMs, 50, 60_000);
            Assert.All(timeline.Samples, s => Assert.InRange(s.Threads, 1, highest));
        }
        finally
        {
            Volatile.Write(ref observing, false);
            release.Set();
        }
    }

    [Theory]
    [InlineData(StrategyKind.SyncOverAsync, 1000, false, "the pool starves")]
    [InlineData(StrategyKind.Task, 100, true, "holds no pool thread")]
    public void PoolMinimum_LeavesOutTheCellsItExplains(StrategyKind strategy, int n, bool raised, string reason) =>
        Assert.Contains(reason, new PoolMinimum(raised).WhyNotRun(strategy, n, 0, Lab) ?? string.Empty, StringComparison.Ordinal);

    [Theory]
    [InlineData(StrategyKind.SyncOverAsync, 100, false)]
    [InlineData(StrategyKind.SyncOverAsync, 1000, true)]
    [InlineData(StrategyKind.ThreadPool, 1000, false)]
    [InlineData(StrategyKind.TaskRun, 1000, true)]
    [InlineData(StrategyKind.Task, 1000, false)]
    public void PoolMinimum_RunsTheLabsCells(StrategyKind strategy, int n, bool raised) =>
        Assert.Null(new PoolMinimum(raised).WhyNotRun(strategy, n, 0, Lab));

    [Fact]
    public void Family_Matrix_IsThePlannedOne()
    {
        var filter = new CellPlanFilter(Lab);
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(StarvationBenchmarks), SuiteConfig.Create(Lab)).BenchmarksCases
            .Where(filter.Predicate)
            .Select(c => (Batch: BatchCase.From(c)!, Minimum: PoolMinimum.Of(c)!))
            .ToList();

        // Three blocking strategies x 3 N x 2 minimums, less SyncOverAsync at 1000 on the default minimum (17), plus Task
        // at 3 N on the default minimum: 20 steady cells; the 17 blocking ones also run cold.
        Assert.Equal(20, cases.Count(c => c.Batch.Regime == PoolRegime.Steady));
        Assert.Equal(17, cases.Count(c => c.Batch.Regime == PoolRegime.Cold));
        Assert.DoesNotContain(cases, c => c.Batch is { Strategy: StrategyKind.SyncOverAsync, N: 1000 } && !c.Minimum.RaisedToN);
        Assert.DoesNotContain(cases, c => c.Batch.Strategy == StrategyKind.Task && c.Minimum.RaisedToN);
        Assert.Contains(cases, c => c.Batch is { Strategy: StrategyKind.SyncOverAsync, N: 1000, Regime: PoolRegime.Cold } && c.Minimum.RaisedToN);
    }
}
