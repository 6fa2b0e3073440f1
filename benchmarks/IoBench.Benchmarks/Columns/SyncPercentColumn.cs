using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// Sync%: the share of async calls whose task was already complete when it came back. About 0% is real asynchronous
/// I/O; about 100% is an "async" API that runs synchronously, which only a thread-based strategy can overlap.
/// </summary>
public sealed class SyncPercentColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.SyncPercent";

    public override string ColumnName => "Sync%";

    public override string Legend => "Share of async calls whose task was already complete when it came back, over the measured batches: about 0% is real asynchronous I/O, about 100% an async API that runs synchronously; - for strategies that call the blocking form";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        CaseObservations.From(summary[benchmarkCase]).SyncPercent is { } percent
            ? percent.ToString("0", CultureInfo.InvariantCulture) + "%"
            : "-";
}
