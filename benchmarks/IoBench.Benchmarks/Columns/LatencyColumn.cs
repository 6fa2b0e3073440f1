using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// L: one operation's latency, the median of a measured sample (<see cref="BatchColumn.LatencyOf"/>): where the workload's
/// L is sampled around every batch, the sample of this case's own measured batches (a cold case: its steady twin's),
/// otherwise the sample of the workload's steady Sequential N = 1 case. The legend says the same, since BenchmarkDotNet
/// prints it under every table.
/// </summary>
public sealed class LatencyColumn(SuiteSettings settings) : BatchColumn(settings)
{
    /// <summary>Where the suite's N×L and max(L) take their L (<see cref="LatencySource"/>), for their legends.</summary>
    public const string BoundsLegend = "L is the L column's";

    public override string Id => "IoBench.L";

    public override string ColumnName => "L";

    public override string Legend => "One operation's latency in the form this strategy calls (blocking or async): the median of many operations timed one after another in a warmed process, sampled per case around its own measured batches where the device decides L (a cold case uses its steady twin's sample), else by the workload's steady Sequential N=1 case; or the nominal L, marked (nominal), where neither sampled it";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch)
    {
        var (latency, measured) = LatencyOf(summary, batch);
        return measured ? Milliseconds(latency) : Milliseconds(latency) + " (nominal)";
    }
}
