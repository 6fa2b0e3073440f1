using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>L: one operation's latency, measured by the Sequential N = 1 batch of the same workload where it ran.</summary>
public sealed class LatencyColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.L";

    public override string ColumnName => "L";

    public override string Legend => "One operation's latency in the form this strategy calls (blocking or async): the mean of many operations timed one after another in a warmed process (sampled by the Sequential N=1 case), or the nominal L marked (nominal)";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch)
    {
        var (latency, measured) = LatencyOf(summary, batch);
        return measured ? Milliseconds(latency) : Milliseconds(latency) + " (nominal)";
    }
}
