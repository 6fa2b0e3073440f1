using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.Results;
using BenchmarkDotNet.Validators;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Exporters;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Benchmarks;

/// <summary>The ratio to the bare baseline and the per-operation family's batch time, on summaries with known batches.</summary>
public sealed class ScalingColumnsTests
{
    private static readonly SuiteSettings ScalingSettings = new() { Scaling = true, LatencyMs = 100 };

    // One config for every family of a summary, as in a run: a summary takes one orderer.
    private static readonly BenchmarkDotNet.Configs.IConfig ScalingConfig = SuiteConfig.Create(ScalingSettings);

    [Fact]
    public void VsBare_IsTheRatioOfMediansAtTheSameN()
    {
        // The bare baseline's batches: median 120 ms (one slow batch of 400 ms moves its mean, not its median).
        var summary = KnownSummary.FromBatches(
            (Find(typeof(ScalingBenchmarks), 100_000, StrategyKind.Task), [150, 150, 150, 150, 150]),
            (Find(typeof(BareDelayBaseline), 100_000), [120, 120, 120, 400, 110]),
            (Find(typeof(ScalingBenchmarks), 1000, StrategyKind.Task), [101, 101, 101, 101, 101]));

        var column = new BareRatioColumn(ScalingSettings);

        Assert.True(column.IsAvailable(summary));
        Assert.Equal("1.25", column.GetValue(summary, Find(summary, 100_000)));
        Assert.Equal("-", column.GetValue(summary, Find(summary, 1000))); // no baseline at N = 1000 in this summary
    }

    [Fact]
    public void VsBare_WithoutABaselineInTheRun_IsNotShown()
    {
        var summary = KnownSummary.FromBatches((Find(typeof(ScalingBenchmarks), 100_000, StrategyKind.Task), [150, 150, 150, 150, 150]));

        Assert.False(new BareRatioColumn(ScalingSettings).IsAvailable(summary));
    }

    [Fact]
    public void PerOperationFamily_ReportCellAndBoundsUseTheWholeBatch()
    {
        var cost = BenchmarkConverter.TypeToBenchmarks(typeof(ZeroLatencyBenchmarks), SuiteConfig.Create(new SuiteSettings { Cost = true })).BenchmarksCases
            .First(c => BatchCase.From(c) is { Strategy: StrategyKind.Task, Regime: PoolRegime.Steady });
        var summary = KnownSummary.FromBatches((cost, [0.5, 0.5, 0.5, 0.5, 0.5]));

        // BenchmarkDotNet's Mean is per operation (0.5 ms / 1000 = 500 ns); the report's matrix and the theory columns
        // compare whole batches, so they multiply it back.
        Assert.Equal(500, summary[cost]!.ResultStatistics!.Mean, 3);
        Assert.Equal(0.5, ReportCell.From(summary[cost])!.Mean.TotalMilliseconds, 3);
        Assert.All(ReportCell.From(summary[cost])!.SeriesMs, ms => Assert.Equal(0.5, ms, 3));
        Assert.Equal(0.5, BatchColumn.MeanOf(summary, cost)!.Value.TotalMilliseconds, 3);
    }

    private static BenchmarkCase Find(Type family, int n, StrategyKind? strategy = null) =>
        BenchmarkConverter.TypeToBenchmarks(family, ScalingConfig).BenchmarksCases.First(c =>
            c.Job.Id == PoolRegime.Steady && (int)c.Parameters["N"] == n && (strategy is null || BatchCase.From(c)?.Strategy == strategy));

    private static BenchmarkCase Find(Summary summary, int n) =>
        summary.BenchmarksCases.Single(c => c.Descriptor.Type == typeof(ScalingBenchmarks) && (int)c.Parameters["N"] == n);
}
