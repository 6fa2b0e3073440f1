using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Columns;

/// <summary>Mean/max(L): how many latencies the batch took; 1.0 = perfectly overlapped, N = fully sequential.</summary>
public sealed class ConcurrencyFactorColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.ConcurrencyFactor";

    public override string ColumnName => "Mean/max(L)";

    public override string Legend => "The concurrency factor: Mean divided by max(L); 1.0 = perfectly overlapped, N = fully sequential";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        MeanOf(summary, benchmarkCase) is { } mean
            ? Bounds.ConcurrencyFactor(mean, LatencyOf(summary, batch).Latency).ToString("0.00", CultureInfo.InvariantCulture)
            : "-";
}
