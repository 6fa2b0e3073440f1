using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Core.Settings;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Columns;

/// <summary>N×L: the time of the batch if no operation overlapped another.</summary>
public sealed class SequentialBoundColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.NxL";

    public override string ColumnName => "N×L";

    public override string Legend => "The fully sequential bound: N operations one after another";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        Milliseconds(Bounds.Sequential(batch.N, LatencyOf(summary, batch).Latency));
}
