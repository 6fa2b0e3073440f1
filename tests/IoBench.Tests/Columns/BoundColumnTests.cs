using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.Results;
using BenchmarkDotNet.Validators;
using IoBench.Core.Columns;
using IoBench.Core.Strategies;

namespace IoBench.Tests.Columns;

/// <summary>
/// The package's bound columns on a user's own benchmark class (parameters Strategy and N by convention), on summaries
/// whose processes printed known L samples: each case takes the sample of the form its strategy calls.
/// </summary>
public sealed class BoundColumnTests
{
    // Blocking samples have median 30 ms, async ones 21 ms (a skewed sample: the median, not the mean of 27 ms).
    private const string Samples = "// IoBench.Latency form=Blocking samples=29,30,31\n// IoBench.Latency form=Async samples=20,21,40";

    [Theory]
    [InlineData(StrategyKind.Task, "210 ms", "21.0 ms")]
    [InlineData(StrategyKind.Thread, "300 ms", "30.0 ms")]
    public void Columns_PrintedSamples_UseTheMedianOfTheStrategysForm(StrategyKind strategy, string sequential, string overlapped)
    {
        var (summary, benchmarkCase) = Run(strategy, 10, Samples);

        Assert.Equal(sequential, BoundColumn.Sequential().GetValue(summary, benchmarkCase));
        Assert.Equal(overlapped, BoundColumn.Overlapped().GetValue(summary, benchmarkCase));
    }

    [Fact]
    public void Columns_SamplesOfTwoProcesses_ArePooled()
    {
        // The second launch's async sample (22, 23) joins the first one's (20, 21, 40): median 22 ms.
        var (summary, benchmarkCase) = Run(StrategyKind.Task, 10, Samples, "// IoBench.Latency form=Async samples=22,23");

        Assert.Equal("22.0 ms", BoundColumn.Overlapped().GetValue(summary, benchmarkCase));
        Assert.Equal(5, CaseLatency.Of(summary, benchmarkCase)!.Count);
    }

    [Fact]
    public void Columns_NothingPrinted_ShowADash()
    {
        var (summary, benchmarkCase) = Run(StrategyKind.Task, 10);

        Assert.Equal("-", BoundColumn.Sequential().GetValue(summary, benchmarkCase));
        Assert.Null(CaseLatency.Of(summary, benchmarkCase));
    }

    [Fact]
    public void Columns_ClassWithoutTheConvention_AreNotAvailable()
    {
        var benchmarkCase = BenchmarkConverter.TypeToBenchmarks(typeof(OtherBenchmarks), DefaultConfig.Instance).BenchmarksCases.Single();
        var summary = Summary(benchmarkCase, [Samples]);

        Assert.False(BoundColumn.Sequential().IsAvailable(summary));
        Assert.Equal("-", BoundColumn.Overlapped().GetValue(summary, benchmarkCase));
    }

    [Fact]
    public void Columns_LatencyOfTheirOwn_UseItAndSaySoInTheLegend()
    {
        var (summary, benchmarkCase) = Run(StrategyKind.Task, 100, Samples);
        var column = BoundColumn.Sequential((_, _) => TimeSpan.FromMilliseconds(5), "L is 5 ms");

        Assert.Equal("500 ms", column.GetValue(summary, benchmarkCase));
        Assert.Equal("The fully sequential bound: N operations one after another; L is 5 ms", column.Legend);
        Assert.Equal("IoBench.NxL", column.Id);
    }

    [Fact]
    public void Attribute_AddsBothColumnsWithTheSampledL()
    {
        var (summary, _) = Run(StrategyKind.Task, 10, Samples);
        var columns = ((IConfigSource)new BoundsColumnsAttribute()).Config.GetColumnProviders().SelectMany(p => p.GetColumns(summary)).ToList();

        Assert.Equal(["N×L", "max(L)"], columns.Select(c => c.ColumnName));
        Assert.All(columns, c => Assert.EndsWith(CaseLatency.Legend, c.Legend, StringComparison.Ordinal));
    }

    private static (Summary Summary, BenchmarkCase Case) Run(StrategyKind strategy, int n, params string[] launches)
    {
        var benchmarkCase = BenchmarkConverter.TypeToBenchmarks(typeof(UserBenchmarks), DefaultConfig.Instance).BenchmarksCases
            .Single(c => (StrategyKind)c.Parameters[BoundColumn.StrategyParameter]! == strategy && (int)c.Parameters[BoundColumn.CountParameter]! == n);
        return (Summary(benchmarkCase, launches), benchmarkCase);
    }

    /// <summary>A summary of one case whose processes (one per element of <paramref name="launches"/>) printed those lines.</summary>
    private static Summary Summary(BenchmarkCase benchmarkCase, string[] launches)
    {
        var measurements = Enumerable.Range(1, 3).Select(i => new Measurement(1, IterationMode.Workload, IterationStage.Result, i, 1, 25_000_000).ToString()).ToList();
        var executes = launches.Select((output, i) => new ExecuteResult(true, 0, 1, measurements, [], [.. output.Split('\n')], i + 1)).ToList();
        var generate = GenerateResult.Success(null!, []);
        var report = new BenchmarkReport(true, benchmarkCase, generate, BuildResult.Success(generate), executes, []);
        return new Summary("known", [report], HostEnvironmentInfo.GetCurrent(), Path.GetTempPath(), string.Empty, TimeSpan.Zero,
            CultureInfo.InvariantCulture, ImmutableArray<ValidationError>.Empty, ImmutableArray<IColumnHidingRule>.Empty, SummaryStyle.Default);
    }

    /// <summary>A user's benchmark shaped by the convention, as the package's README shows it.</summary>
    public class UserBenchmarks
    {
        [ParamsAllValues]
        public StrategyKind Strategy { get; set; }

        [Params(10, 100)]
        public int N { get; set; }

        [Benchmark]
        public void Batch()
        {
        }
    }

    public class OtherBenchmarks
    {
        [Benchmark]
        public void Work()
        {
        }
    }
}
