using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// Alloc/op: managed bytes allocated by all threads during a measured batch (the median of the measured batches,
/// GC.GetTotalAllocatedBytes around the batch) divided by N, to compare the per-operation cost of strategies.
/// </summary>
public sealed class AllocatedPerOperationColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.AllocPerOp";

    public override string ColumnName => "Alloc/op";

    public override string Legend => "Managed bytes allocated during a measured batch (median over the measured batches, all threads) divided by N";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        batch.N > 0 && CaseObservations.From(summary[benchmarkCase]).AllocatedPerBatch is { } bytes
            ? (bytes / batch.N).ToString("N0", CultureInfo.InvariantCulture) + " B"
            : "-";
}
