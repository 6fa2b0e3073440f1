using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// The shared shape of the theory columns: each reads the case as a batch and may look up other rows of the same
/// workload in the summary (the steady Sequential N = 1 case samples L; the Sequential row at the same N is the speedup's base).
/// </summary>
public abstract class BatchColumn(SuiteSettings settings) : IColumn
{
    /// <summary>The suite's settings: the nominal L when no Sequential N = 1 case sampled it.</summary>
    protected SuiteSettings Settings { get; } = settings;

    public abstract string Id { get; }

    public abstract string ColumnName { get; }

    public abstract string Legend { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public virtual bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => BatchCase.From(c) is not null);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        BatchCase.From(benchmarkCase) is { } batch ? Format(summary, benchmarkCase, batch) : "-";

    public override string ToString() => ColumnName;

    /// <summary>The cell text for a batch case.</summary>
    internal abstract string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch);

    /// <summary>The mean of a case in this summary, if it ran and succeeded.</summary>
    /// <remarks>The time of the whole batch: BenchmarkDotNet divides by OperationsPerInvoke (the per-operation families), this multiplies back.</remarks>
    internal static TimeSpan? MeanOf(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics
            ? TimeSpan.FromTicks((long)(statistics.Mean * benchmarkCase.Descriptor.OperationsPerInvoke / 100))
            : null;

    /// <summary>
    /// L for the form of the workload this case's strategy calls, as sampled (many operations one after another, warmed) by
    /// the steady Sequential N = 1 case of the same workload; the nominal L when that case did not run or printed no sample.
    /// </summary>
    internal (TimeSpan Latency, bool Measured) LatencyOf(Summary summary, BatchCase batch) => SuiteLatency(Settings, summary, batch);

    /// <summary>
    /// The same L as the source of the suite's N×L and max(L) columns (IoBench.Core.Columns.BoundColumn, the package's columns
    /// with the suite's L), so that the bounds and the L column always agree.
    /// </summary>
    public static Func<Summary, BenchmarkCase, TimeSpan?> LatencySource(SuiteSettings settings) =>
        (summary, benchmarkCase) => BatchCase.From(benchmarkCase) is { } batch ? SuiteLatency(settings, summary, batch).Latency : null;

    private static (TimeSpan Latency, bool Measured) SuiteLatency(SuiteSettings settings, Summary summary, BatchCase batch) =>
        ProfileOf(summary, batch) is { } profile ? (profile.L, true) : (settings.Latency, false);

    /// <summary>
    /// The measured latency distribution behind <see cref="LatencyOf"/>, if any: where the workload's L is sampled around
    /// each batch (device-decided latencies), the sample of this case's own measured batches, or for a cold case that of
    /// its steady twin (sampling would warm a cold process); otherwise the sample of the workload's steady Sequential N = 1 case.
    /// </summary>
    internal static LatencyProfile? ProfileOf(Summary summary, BatchCase batch)
    {
        if ((PairedProfile(summary, batch) ?? PairedProfile(summary, batch with { Regime = PoolRegime.Steady })) is { } paired)
        {
            return paired;
        }

        var form = Strategy.Create(batch.Strategy, batch.K).Form;
        foreach (var candidate in summary.BenchmarksCases)
        {
            if (BatchCase.From(candidate) is { Regime: PoolRegime.Steady } other && BatchBenchmarks.SamplesLatency(other.Strategy, other.N, other.K) && other.LatencyKey == batch.LatencyKey &&
                CaseObservations.From(summary[candidate]).Latencies.TryGetValue(form, out var profile))
            {
                return profile;
            }
        }

        return null;
    }

    private static LatencyProfile? PairedProfile(Summary summary, BatchCase batch)
    {
        foreach (var candidate in summary.BenchmarksCases)
        {
            if (BatchCase.From(candidate) == batch)
            {
                return CaseObservations.From(summary[candidate]).PairedLatency;
            }
        }

        return null;
    }

    /// <summary>The mean of the steady row of the same workload with another strategy and N (K = 0).</summary>
    internal static TimeSpan? FindMean(Summary summary, BatchCase batch, StrategyKind strategy, int n)
    {
        foreach (var candidate in summary.BenchmarksCases)
        {
            if (BatchCase.From(candidate) is { Regime: PoolRegime.Steady } other && other.WorkloadKey == batch.WorkloadKey && other.Strategy == strategy && other.N == n && other.K == 0)
            {
                return MeanOf(summary, candidate);
            }
        }

        return null;
    }

    internal static string Milliseconds(TimeSpan value) =>
        value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 100 ? "N0" : "N1", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}
