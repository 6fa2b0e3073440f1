using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Columns;

/// <summary>Speedup over the Sequential batch at the same N; estimated from N×L (marked ~) where that batch did not run.</summary>
public sealed class SpeedupColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.Speedup";

    public override string ColumnName => "Speedup";

    public override string Legend => "Mean of the steady Sequential row at the same N divided by this Mean; ~ marks an estimate from N×L where that row did not run";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch)
    {
        if (MeanOf(summary, benchmarkCase) is not { } mean)
        {
            return "-";
        }

        if (FindMean(summary, batch, StrategyKind.Sequential, batch.N) is { } sequential)
        {
            return Bounds.Speedup(sequential, mean).ToString("0.00", CultureInfo.InvariantCulture);
        }

        var estimate = Bounds.Sequential(batch.N, LatencyOf(summary, batch).Latency);
        return "~" + Bounds.Speedup(estimate, mean).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
