using IoBench.Benchmarks.Exporters;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Report;
using static IoBench.Tests.Benchmarks.KnownSummary;

namespace IoBench.Tests.Benchmarks;

/// <summary>The run's data file on a known summary: every case, its regime, L per form and the measured-batch metrics.</summary>
public sealed class DataExporterTests
{
    private static readonly RunData Data = new DataExporter(DefaultSettings).Build(Create(
        (StrategyKind.Sequential, 1, 0, 25, LatencyLines(25), PoolRegime.Steady),
        (StrategyKind.Sequential, 10, 0, 250, null, PoolRegime.Steady),
        (StrategyKind.ThreadPool, 100, 0, 300, "// IoBench.Batch pool=5->9 threads=9 syncpct=- calls=100 alloc=1000 workitems=100", PoolRegime.Steady),
        (StrategyKind.ThreadPool, 100, 0, 900, "// IoBench.Batch pool=2->6 threads=6 syncpct=- calls=100 alloc=1000 workitems=100", PoolRegime.Cold)));

    [Fact]
    public void Build_SequentialCase_CarriesLAndTheSequentialBound()
    {
        var sequential = Data.Cases.Single(c => c is { Strategy: "Sequential", N: 10 });
        Assert.Equal(25, sequential.Latency!.MeanMs, 6);
        Assert.Equal(250, sequential.SequentialBoundMs!.Value, 6);
        Assert.Equal(250, sequential.MeanMs!.Value, 3);
        Assert.False(sequential.DependsOnPoolHistory);
    }

    [Fact]
    public void Build_PoolDependentCell_HasBothRegimes_AndAGrowingPoolWithoutATrendIsSteady()
    {
        var steady = Data.Cases.Single(c => c is { Strategy: "ThreadPool", Regime: PoolRegime.Steady });
        var cold = Data.Cases.Single(c => c is { Strategy: "ThreadPool", Regime: PoolRegime.Cold });
        Assert.True(steady.DependsOnPoolHistory);
        // The pool grew 5 -> 9 threads, but one measured batch is no trend: since the Mann-Kendall rule, only a trend
        // makes a figure unsteady (ReportCell.NotSteady), and the pool's growth is named beside the trend when there is one.
        Assert.Null(steady.NotSteady);
        Assert.Equal((5, 9), (steady.PoolStart, steady.PoolEnd));
        Assert.Null(cold.NotSteady); // a cold figure is one first batch per process: nothing to settle
        Assert.Equal(10, steady.AllocatedPerOperation);
        Assert.Equal(900, cold.MeanMs!.Value, 3);
    }

    [Fact]
    public void Build_Environment_NamesTheSchemaAndSettings()
    {
        Assert.Equal(RunData.CurrentSchema, Data.SchemaVersion);
        Assert.Equal("20", Data.Environment.Settings["IOBENCH_LATENCY_MS"]);
    }

    [Fact]
    public void Build_Families_CarryTheMatrixLSamplesAndWhyCellsDidNotRun()
    {
        var family = Assert.Single(Data.Families!);

        Assert.Equal("Sleep", family.Title);
        Assert.Equal([1, 10, 100, 1000], family.Ops);
        Assert.Contains(new RowData("Bounded", 10), family.Rows);
        Assert.Equal([25.0, 25, 25], family.Latencies.Single(l => l.Form == "Blocking").SamplesMs!);
        Assert.Contains(family.NotRun, c => c is { Strategy: "Sequential", N: 1000 } && c.Reason.StartsWith("sequential by nature", StringComparison.Ordinal));
        Assert.DoesNotContain(family.NotRun, c => c is { K: 10, N: 10 }); // K = N cannot bind: not a cell at all
        Assert.NotNull(Data.Environment.Description);
    }
}
