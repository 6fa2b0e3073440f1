using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Measurement;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// Mem/op: memory per pending operation, the process's peak working set while one batch of N operations was pending minus
/// its idle baseline (after a full collection), divided by N (<see cref="PendingMemory"/>). For Thread it includes each
/// thread's committed (touched) stack, not the 8 MB it reserves. Only the families that measure it (the scaling run and
/// its bare baseline) fill it; it is not a BatchColumn because the bare baseline is no batch of a strategy.
/// </summary>
public sealed class PendingMemoryColumn : IColumn
{
    public string Id => "IoBench.PendingMemoryPerOp";

    public string ColumnName => "Mem/op";

    public string Legend => "--scaling only: peak working set while one batch of N operations was pending, minus the idle baseline after a full collection, divided by N (measured once per process, outside the measured batches); meaningful at large N, where a few pages of anything no longer show as kilobytes per operation";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.Reports.Any(r => CaseObservations.From(r).PendingMemoryPerBatch is not null);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        BytesPerOperation(summary, benchmarkCase) is { } bytes ? bytes.ToString("N0", CultureInfo.InvariantCulture) + " B" : "-";

    /// <summary>The figure itself, for the column and the data file.</summary>
    internal static double? BytesPerOperation(Summary summary, BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["N"] is int n && n > 0 && CaseObservations.From(summary[benchmarkCase]).PendingMemoryPerBatch is { } bytes
            ? bytes / n
            : null;

    public override string ToString() => ColumnName;
}
