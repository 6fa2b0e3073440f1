using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Core.Settings;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Columns;

/// <summary>max(L): the time of the batch if every operation overlapped every other.</summary>
public sealed class OverlappedBoundColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.MaxL";

    public override string ColumnName => "max(L)";

    public override string Legend => "The fully overlapped bound: the longest single operation (all take L here)";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        Milliseconds(Bounds.Overlapped(LatencyOf(summary, batch).Latency));
}
