using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// vs bare: this batch's median over the median of <see cref="BareDelayBaseline"/> (Task.WhenAll of Task.Delay, no strategy)
/// at the same N in the same run: 1.00 = the strategy costs nothing beyond the primitive. Shown only in runs that
/// measured the baseline (--scaling).
/// </summary>
public sealed class BareRatioColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.VsBare";

    public override string ColumnName => "vs bare";

    public override string Legend => "--scaling only: median batch over the median batch of a bare Task.WhenAll of N Task.Delay(L) (BareDelayBaseline: no strategy, no probe, no watchdog) at the same N, same run (medians: one slow batch of a busy machine moves a mean of 15)";

    public override bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(BareDelayBaseline));

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        Ratio(summary, benchmarkCase, batch.N) is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    /// <summary>The ratio itself, for the column and the data file.</summary>
    internal static double? Ratio(Summary summary, BenchmarkCase benchmarkCase, int n)
    {
        var bare = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.Type == typeof(BareDelayBaseline) && c.Parameters["N"] is int bn && bn == n);
        return bare is not null && MedianOf(summary, bare) is { } floor && floor > 0 && MedianOf(summary, benchmarkCase) is { } median
            ? median / floor
            : null;
    }

    private static double? MedianOf(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Median * benchmarkCase.Descriptor.OperationsPerInvoke;
}
