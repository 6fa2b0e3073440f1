using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// Above floor: a zero-latency case's median per operation minus the median of the harness's floor in the same run
/// (<see cref="HarnessFloorBenchmarks"/>, probed, in the form the strategy calls): what the strategy itself costs beyond
/// calling the probed operation one after another. Medians, not Means: with five batches of tens of microseconds, one
/// preempted batch moves a Mean. Immediate completion only: a bare loop over the yielding operation waits for a pool
/// thread to pick up each continuation before it starts the next, so its figure is the pool's dispatch latency (measured
/// 363-951 ns between two runs here), not a floor under strategies that overlap those waits. Shown only in runs that
/// measured the floor (--cost).
/// </summary>
public sealed class AboveFloorColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.AboveFloor";

    public override string ColumnName => "Above floor";

    public override string Legend => "--cost only: median per operation minus the median of the harness's floor in the same run (HarnessFloorBenchmarks: the probed operation called in a bare loop, in the strategy's form); Immediate completion only (a bare loop of a yielding operation measures the pool's dispatch latency, not a floor)";

    public override bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(HarnessFloorBenchmarks));

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        Nanoseconds(summary, benchmarkCase, batch) is { } ns ? ns.ToString("N1", CultureInfo.InvariantCulture) + " ns" : "-";

    /// <summary>The figure itself (ns per operation), for the column and the data file; null without a floor for the case or under Yield.</summary>
    internal static double? Nanoseconds(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        benchmarkCase.Descriptor.Type == typeof(ZeroLatencyBenchmarks) &&
        benchmarkCase.Parameters[nameof(ZeroLatencyBenchmarks.Completion)] is ZeroLatencyCompletion { Yields: false } completion &&
        FloorOf(summary, Strategy.Create(batch.Strategy, batch.K).Form, completion, probed: true) is { } floor &&
        summary[floor]?.ResultStatistics?.Median is { } floorNs &&
        summary[benchmarkCase]?.ResultStatistics?.Median is { } ns
            ? ns - floorNs
            : null;

    /// <summary>The floor case of a form and completion in the summary (the blocking form's is measured under Immediate only).</summary>
    internal static BenchmarkCase? FloorOf(Summary summary, WorkloadForm form, ZeroLatencyCompletion completion, bool probed) =>
        summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.Type == typeof(HarnessFloorBenchmarks) &&
            c.Parameters[nameof(HarnessFloorBenchmarks.Form)] is WorkloadForm f && f == form &&
            c.Parameters[nameof(HarnessFloorBenchmarks.Completion)] is ZeroLatencyCompletion k && (form == WorkloadForm.Blocking ? !k.Yields : k == completion) &&
            c.Parameters[nameof(HarnessFloorBenchmarks.Probed)] is bool p && p == probed);
}
