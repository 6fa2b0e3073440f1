using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Measurement;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// GC pause: the garbage collector's pause time during a measured batch (median over the measured batches) with the
/// number of collections, from the batch lines. Filled for every family that prints them, the bare baseline included.
/// </summary>
public sealed class GcPauseColumn : IColumn
{
    public string Id => "IoBench.GcPause";

    public string ColumnName => "GC pause";

    public string Legend => "GC pause time during a measured batch (median of the measured batches), with the collections in that batch (median)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.Reports.Any(r => CaseObservations.From(r).GcPausePerBatchMs is not null);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        CaseObservations.From(summary[benchmarkCase]) is { GcPausePerBatchMs: { } pause, CollectionsPerBatch: { } count }
            ? string.Create(CultureInfo.InvariantCulture, $"{pause:0.0} ms ({count:0.#})")
            : "-";

    public override string ToString() => ColumnName;
}
