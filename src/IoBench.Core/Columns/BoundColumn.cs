using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Core.Columns;

/// <summary>
/// N×L or max(L) beside the Mean of a benchmark whose method runs one batch of N operations: BenchmarkDotNet prints it in
/// every table and exporter, as the Mean's neighbour. It reads the case by convention, from parameters named
/// <see cref="StrategyParameter"/> (a <see cref="StrategyKind"/>) and <see cref="CountParameter"/> (an int), and L from
/// a source: by default what <see cref="CaseLatency.SampleAsync"/> measured in the case's own process. A case without
/// those parameters, or without an L, shows "-".
/// </summary>
public sealed class BoundColumn : IColumn
{
    /// <summary>The benchmark parameter that names the case's strategy.</summary>
    public const string StrategyParameter = "Strategy";

    /// <summary>The benchmark parameter that holds N, the operations in one batch.</summary>
    public const string CountParameter = "N";

    private readonly Func<int, TimeSpan, TimeSpan> _bound;
    private readonly Func<Summary, BenchmarkCase, TimeSpan?> _latencyOf;

    private BoundColumn(string id, string columnName, string legend, Func<int, TimeSpan, TimeSpan> bound, Func<Summary, BenchmarkCase, TimeSpan?> latencyOf)
    {
        Id = id;
        ColumnName = columnName;
        Legend = legend;
        _bound = bound;
        _latencyOf = latencyOf;
    }

    /// <summary>N×L, with L as <see cref="CaseLatency"/> sampled it in the case's own process.</summary>
    public static BoundColumn Sequential() => Sequential(CaseLatency.MedianOf, CaseLatency.Legend);

    /// <summary>N×L, with L from <paramref name="latencyOf"/> (null: no L for that case); <paramref name="latencyLegend"/> says where L comes from.</summary>
    public static BoundColumn Sequential(Func<Summary, BenchmarkCase, TimeSpan?> latencyOf, string? latencyLegend = null) =>
        new("IoBench.NxL", "N×L", WithLatency("The fully sequential bound: N operations one after another", latencyLegend), Bounds.Sequential, latencyOf);

    /// <summary>max(L), with L as <see cref="CaseLatency"/> sampled it in the case's own process.</summary>
    public static BoundColumn Overlapped() => Overlapped(CaseLatency.MedianOf, CaseLatency.Legend);

    /// <summary>max(L), with L from <paramref name="latencyOf"/> (null: no L for that case); <paramref name="latencyLegend"/> says where L comes from.</summary>
    public static BoundColumn Overlapped(Func<Summary, BenchmarkCase, TimeSpan?> latencyOf, string? latencyLegend = null) =>
        new("IoBench.MaxL", "max(L)", WithLatency("The fully overlapped bound: the longest single operation (all take L here)", latencyLegend), (_, latency) => Bounds.Overlapped(latency), latencyOf);

    public string Id { get; }

    public string ColumnName { get; }

    public string Legend { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => BatchOf(c) is not null);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        BatchOf(benchmarkCase) is { } batch && _latencyOf(summary, benchmarkCase) is { } latency ? Milliseconds(_bound(batch.N, latency)) : "-";

    public override string ToString() => ColumnName;

    /// <summary>The case's strategy and N, read from the parameters the convention names; null for a case without both.</summary>
    internal static (StrategyKind Strategy, int N)? BatchOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters[StrategyParameter] is StrategyKind strategy && benchmarkCase.Parameters[CountParameter] is int n ? (strategy, n) : null;

    // The benchmark app's figures have always read "250 ms" and "25.0 ms": whole milliseconds from 100 ms up.
    private static string Milliseconds(TimeSpan value) =>
        value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture) + " ms";

    private static string WithLatency(string legend, string? latencyLegend) => latencyLegend is null ? legend : $"{legend}; {latencyLegend}";
}
