using BenchmarkDotNet.Running;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Benchmarks;

/// <summary>The harness's floor in the cost family (issue 19): its rows, its loop, and each strategy's cost above it.</summary>
public sealed class HarnessFloorTests
{
    private static readonly SuiteSettings Cost = new() { Cost = true };

    // One config for every family of a summary, as in a run.
    private static readonly BenchmarkDotNet.Configs.IConfig CostConfig = SuiteConfig.Create(Cost);

    [Fact]
    public void CostPreset_PlansTheFloorRows_WithAndWithoutTheProbe()
    {
        // Catches: a floor that is not in the cost run (no row to subtract), or one that runs only probed or only bare.
        var filter = new CellPlanFilter(Cost);
        var floors = BenchmarkConverter.TypeToBenchmarks(typeof(HarnessFloorBenchmarks), CostConfig).BenchmarksCases
            .Where(filter.Predicate)
            .Select(c => ((WorkloadForm)c.Parameters["Form"], ((ZeroLatencyCompletion)c.Parameters["Completion"]).ToString(), (bool)c.Parameters["Probed"], c.Job.Id))
            .ToList();

        Assert.True(new PresetFilter(Cost).Runs(typeof(HarnessFloorBenchmarks)));
        Assert.False(new PresetFilter(new SuiteSettings()).Runs(typeof(HarnessFloorBenchmarks)));
        // Blocking under Immediate only (it returns at once under both), async under both; each bare and probed; steady only.
        (WorkloadForm, string, bool)[] planned =
        [
            (WorkloadForm.Blocking, "Immediate", false), (WorkloadForm.Blocking, "Immediate", true),
            (WorkloadForm.Async, "Immediate", false), (WorkloadForm.Async, "Immediate", true),
            (WorkloadForm.Async, "Yield", false), (WorkloadForm.Async, "Yield", true),
        ];
        Assert.Equal(planned.Order(), floors.Select(f => (f.Item1, f.Item2, f.Item3)).Order());
        Assert.All(floors, f => Assert.Equal(PoolRegime.Steady, f.Id));
    }

    [Fact]
    public void AboveFloor_KnownBatches_IsTheMedianLessTheProbedFloorOfTheStrategysForm_ImmediateOnly()
    {
        // Batches of 1,000 operations: 0.053 ms = 53 ns per operation. Task calls the async form, Sequential the blocking
        // one; the bare floors (no probe) must not be the ones subtracted, nor the Yield floor from an Immediate row. Task's
        // one preempted batch (0.5 ms) moves its Mean to 142 ns, not its median: a Mean-based figure would read 122.4 ns.
        // Under Yield there is no floor to subtract (a bare yielding loop measures the pool's dispatch latency): "-".
        var summary = KnownSummary.FromBatches(
            (CostRow(StrategyKind.Task, "Immediate"), [0.053, 0.053, 0.5, 0.053, 0.053]),
            (CostRow(StrategyKind.Sequential, "Immediate"), [0.0245, 0.0245, 0.0245, 0.0245, 0.0245]),
            (CostRow(StrategyKind.Task, "Yield"), [0.336, 0.336, 0.336, 0.336, 0.336]),
            (Floor(WorkloadForm.Async, "Immediate", probed: true), [0.020, 0.020, 0.020, 0.020, 0.020]),
            (Floor(WorkloadForm.Async, "Immediate", probed: false), [0.008, 0.008, 0.008, 0.008, 0.008]),
            (Floor(WorkloadForm.Async, "Yield", probed: true), [0.300, 0.300, 0.300, 0.300, 0.300]),
            (Floor(WorkloadForm.Blocking, "Immediate", probed: true), [0.0225, 0.0225, 0.0225, 0.0225, 0.0225]));
        var column = new AboveFloorColumn(Cost);

        Assert.True(column.IsAvailable(summary));
        Assert.Equal("33.0 ns", column.GetValue(summary, Row(summary, StrategyKind.Task, "Immediate")));
        Assert.Equal("2.0 ns", column.GetValue(summary, Row(summary, StrategyKind.Sequential, "Immediate")));
        Assert.Equal("-", column.GetValue(summary, Row(summary, StrategyKind.Task, "Yield")));
        Assert.Equal("-", column.GetValue(summary, Floor(summary, WorkloadForm.Async, "Immediate", probed: true)));
    }

    [Fact]
    public void AboveFloor_WithoutAFloorInTheRun_IsNotShown()
    {
        var summary = KnownSummary.FromBatches((CostRow(StrategyKind.Task, "Immediate"), [0.053, 0.053, 0.053, 0.053, 0.053]));

        Assert.False(new AboveFloorColumn(Cost).IsAvailable(summary));
        Assert.Equal("-", new AboveFloorColumn(Cost).GetValue(summary, Row(summary, StrategyKind.Task, "Immediate")));
    }

    [Theory]
    [InlineData(WorkloadForm.Blocking, false)]
    [InlineData(WorkloadForm.Async, false)]
    [InlineData(WorkloadForm.Async, true)]
    public async Task Loop_Probed_CallsTheOperationOncePerOperation(WorkloadForm form, bool yields)
    {
        // Catches a floor loop that runs fewer calls than OperationsPerInvoke says (a floor too low by construction).
        var floor = new HarnessFloorBenchmarks { Form = form, Completion = yields ? ZeroLatencyCompletion.Yield : ZeroLatencyCompletion.Immediate, Probed = true };
        floor.Setup();
        var probe = floor.Probe!;
        floor.BeginBatch();

        await floor.Loop();

        Assert.Equal(ZeroLatencyBenchmarks.OpsPerBatch, probe.Calls);
        Assert.Equal(form == WorkloadForm.Blocking ? ZeroLatencyBenchmarks.OpsPerBatch : 0, probe.BlockingCalls);
    }

    private static BenchmarkCase CostRow(StrategyKind strategy, string completion) =>
        BenchmarkConverter.TypeToBenchmarks(typeof(ZeroLatencyBenchmarks), CostConfig).BenchmarksCases.First(c =>
            BatchCase.From(c) is { Regime: PoolRegime.Steady } b && b.Strategy == strategy && c.Parameters["Completion"].ToString() == completion);

    private static BenchmarkCase Floor(WorkloadForm form, string completion, bool probed) =>
        BenchmarkConverter.TypeToBenchmarks(typeof(HarnessFloorBenchmarks), CostConfig).BenchmarksCases.First(c =>
            c.Job.Id == PoolRegime.Steady && (WorkloadForm)c.Parameters["Form"] == form && c.Parameters["Completion"].ToString() == completion && (bool)c.Parameters["Probed"] == probed);

    private static BenchmarkCase Row(BenchmarkDotNet.Reports.Summary summary, StrategyKind strategy, string completion) =>
        summary.BenchmarksCases.Single(c => BatchCase.From(c)?.Strategy == strategy && c.Parameters["Completion"].ToString() == completion);

    private static BenchmarkCase Floor(BenchmarkDotNet.Reports.Summary summary, WorkloadForm form, string completion, bool probed) =>
        summary.BenchmarksCases.Single(c => c.Descriptor.Type == typeof(HarnessFloorBenchmarks) &&
            (WorkloadForm)c.Parameters["Form"] == form && c.Parameters["Completion"].ToString() == completion && (bool)c.Parameters["Probed"] == probed);
}
