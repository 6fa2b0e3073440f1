using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>Work items/op: thread-pool work items completed during a measured batch (median) divided by N.</summary>
public sealed class WorkItemsPerOperationColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.WorkItemsPerOp";

    public override string ColumnName => "Work items/op";

    public override string Legend => "Thread-pool work items completed during a measured batch (median of the measured batches) divided by N";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        batch.N > 0 && CaseObservations.From(summary[benchmarkCase]).WorkItemsPerBatch is { } items
            ? (items / batch.N).ToString("0.00", CultureInfo.InvariantCulture)
            : "-";
}
