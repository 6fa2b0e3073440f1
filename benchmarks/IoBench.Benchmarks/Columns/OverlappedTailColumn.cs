using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// max of N: the expected longest of N operations drawn from the measured latency distribution, the overlapped bound
/// with the latency tail counted (timer and scheduling tails are then not charged to the strategy).
/// </summary>
public sealed class OverlappedTailColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.MaxOfN";

    public override string ColumnName => "max of N";

    public override string Legend => "The overlapped bound with the tail: the expected longest of N operations drawn from the measured per-operation latencies";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        ProfileOf(summary, batch) is { } profile ? Milliseconds(profile.ExpectedMaxOf(batch.N)) : "-";
}
