using IoBench.Benchmarks.Columns;
using IoBench.Core.Columns;
using IoBench.Core.Strategies;
using static IoBench.Tests.Benchmarks.KnownSummary;

namespace IoBench.Tests.Benchmarks;

/// <summary>The theory columns on a summary whose means are known: L = 25 ms as sampled by Sequential N = 1.</summary>
public sealed class TheoryColumnTests
{
    private static readonly BenchmarkDotNet.Reports.Summary Summary = Create(
        (StrategyKind.Sequential, 1, 0, 24, LatencyLines(25)),
        (StrategyKind.Sequential, 10, 0, 250, null),
        // Task N = 10 printed a jitting batch first (wild figures) and then the five measured ones: only the last five count.
        (StrategyKind.Task, 10, 0, 27.5, "// IoBench.Batch pool=2->9 threads=99 syncpct=50.0 calls=10 alloc=0 workitems=0 serverthreads=40\n" + Batches(5, "pool=3->3 threads=3 syncpct=0.0 calls=10 alloc=2000 workitems=10 serverthreads=4")),
        (StrategyKind.Task, 1000, 0, 30, Batches(5, "pool=4->4 threads=4 syncpct=100.0 calls=1000 alloc=393000 workitems=1000")),
        (StrategyKind.Thread, 10, 0, 50, Batches(5, "pool=2->2 threads=12 syncpct=- calls=10 alloc=5000 workitems=0")));

    private static string Batches(int count, string fields) => string.Join('\n', Enumerable.Repeat("// IoBench.Batch " + fields, count));

    [Fact]
    public void Latency_SequentialN1Sampled_IsTheSampledMeanNotTheBatchMean() =>
        Assert.Equal("25.0 ms", Value(Summary, new LatencyColumn(DefaultSettings), StrategyKind.Task, 10));

    // The defect: the legend BenchmarkDotNet prints under every table said L was the mean sampled by Sequential N = 1,
    // while the column shows the sample's median. A skewed sample (20, 21, 40: median 21, mean 27) tells them apart.
    [Fact]
    public void Latency_SkewedSample_IsTheMedianAsTheLegendSays()
    {
        var summary = Create((StrategyKind.Sequential, 1, 0, 24, "// IoBench.Latency form=Blocking samples=20,21,40\n// IoBench.Latency form=Async samples=20,21,40"), (StrategyKind.Task, 10, 0, 27.5, null));
        var column = new LatencyColumn(DefaultSettings);

        Assert.Equal("21.0 ms", Value(summary, column, StrategyKind.Task, 10));
        Assert.Contains("the median of many operations", column.Legend, StringComparison.Ordinal);
        Assert.DoesNotContain("mean", column.Legend, StringComparison.Ordinal);
    }

    [Fact]
    public void SequentialBound_N10_IsTenLatencies() =>
        Assert.Equal("250 ms", Value(Summary, BoundColumn.Sequential(BatchColumn.LatencySource(DefaultSettings)), StrategyKind.Task, 10));

    [Fact]
    public void OverlappedBound_AnyN_IsOneLatency() =>
        Assert.Equal("25.0 ms", Value(Summary, BoundColumn.Overlapped(BatchColumn.LatencySource(DefaultSettings)), StrategyKind.Task, 1000));

    [Theory]
    [InlineData(StrategyKind.Task, 10, "1.10")]
    [InlineData(StrategyKind.Sequential, 10, "10.00")]
    [InlineData(StrategyKind.Thread, 10, "2.00")]
    public void ConcurrencyFactor_KnownMean_IsMeanOverL(StrategyKind strategy, int n, string expected) =>
        Assert.Equal(expected, Value(Summary, new ConcurrencyFactorColumn(DefaultSettings), strategy, n));

    [Fact]
    public void Speedup_SequentialRanAtSameN_IsTheRatio() =>
        Assert.Equal("9.09", Value(Summary, new SpeedupColumn(DefaultSettings), StrategyKind.Task, 10));

    [Fact]
    public void Speedup_SequentialNotRun_IsEstimatedFromNxL() =>
        Assert.Equal("~833.33", Value(Summary, new SpeedupColumn(DefaultSettings), StrategyKind.Task, 1000));

    [Theory]
    [InlineData(StrategyKind.Task, 10, "3")]
    [InlineData(StrategyKind.Thread, 10, "12")]
    [InlineData(StrategyKind.Sequential, 10, "-")]
    public void Threads_MetricsLine_IsThePeak(StrategyKind strategy, int n, string expected) =>
        Assert.Equal(expected, Value(Summary, new ThreadsColumn(DefaultSettings), strategy, n));

    [Theory]
    [InlineData(StrategyKind.Task, 10, "0%")]
    [InlineData(StrategyKind.Task, 1000, "100%")]
    [InlineData(StrategyKind.Thread, 10, "-")]
    public void SyncPercent_MetricsLine_IsTheShare(StrategyKind strategy, int n, string expected) =>
        Assert.Equal(expected, Value(Summary, new SyncPercentColumn(DefaultSettings), strategy, n));

    [Theory]
    [InlineData(StrategyKind.Task, 10, "4")]
    [InlineData(StrategyKind.Task, 1000, "-")]
    public void ServerThreads_MetricsLine_IsTheServersPeak(StrategyKind strategy, int n, string expected) =>
        Assert.Equal(expected, Value(Summary, new ServerThreadsColumn(DefaultSettings), strategy, n));

    [Fact]
    public void ServerThreads_NoServerMetrics_IsNotAvailable() =>
        Assert.False(new ServerThreadsColumn(DefaultSettings).IsAvailable(Create((StrategyKind.Task, 10, 0, 21, "// IoBench.Batch pool=2->2 threads=3 syncpct=0.0 calls=10 alloc=0 workitems=0"))));

    [Fact]
    public void Latency_SequentialN1Missing_FallsBackToNominal()
    {
        var summary = Create((StrategyKind.Task, 10, 0, 21, null));
        Assert.Equal("20.0 ms (nominal)", Value(summary, new LatencyColumn(DefaultSettings), StrategyKind.Task, 10));
    }

    [Theory]
    [InlineData(StrategyKind.Task, 10, "200 B")]
    [InlineData(StrategyKind.Task, 1000, "393 B")]
    public void AllocatedPerOperation_MeasuredBatches_IsTheirMedianOverN(StrategyKind strategy, int n, string expected) =>
        Assert.Equal(expected, Value(Summary, new AllocatedPerOperationColumn(DefaultSettings), strategy, n));

    [Fact]
    public void PoolThreads_MeasuredBatches_ShowStartAndEnd() =>
        Assert.Equal("3->3", Value(Summary, new PoolThreadsColumn(DefaultSettings), StrategyKind.Task, 10));

    [Fact]
    public void MaxOfN_SampledLatencies_IsTheLargestForIdenticalSamples() =>
        Assert.Equal("25.0 ms", Value(Summary, new OverlappedTailColumn(DefaultSettings), StrategyKind.Task, 1000));
}
