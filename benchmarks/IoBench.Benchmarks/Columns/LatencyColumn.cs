using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>L: one operation's latency, measured by the Sequential N = 1 batch of the same workload where it ran.</summary>
public sealed class LatencyColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.L";

    public override string ColumnName => "L";

    public override string Legend => "One operation's latency: the Mean of the Sequential N=1 batch of the same workload, or the nominal L marked (nominal) when that batch did not run";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch)
    {
        var (latency, measured) = LatencyOf(summary, batch);
        return measured ? Milliseconds(latency) : Milliseconds(latency) + " (nominal)";
    }
}
