using System.Text.Json;
using IoBench.Benchmarks.Exporters;
using IoBench.Core.Theory;

namespace IoBench.Tests.Results;

/// <summary>
/// The newest published run (the newest folder under results/ with an iobench-data.json) keeps the promises its
/// figures rest on: Sequential is N x L, every pool-dependent cell has both regimes, every trending steady series is
/// labelled, and no cell beats a single operation.
/// </summary>
public sealed class PublishedRunTests
{
    private static readonly Lazy<RunData> Run = new(() =>
    {
        var newest = Directory.GetDirectories(Repository.PathOf("results"))
            .Where(folder => File.Exists(Path.Combine(folder, DataExporter.FileName)))
            .Order(StringComparer.Ordinal)
            .LastOrDefault() ?? throw new InvalidOperationException($"No published run under results/ has an {DataExporter.FileName}.");
        return JsonSerializer.Deserialize<RunData>(File.ReadAllText(Path.Combine(newest, DataExporter.FileName)))!;
    });

    private static IEnumerable<CaseData> Steady => Run.Value.Cases.Where(c => c is { Regime: PoolRegime.Steady, Success: true });

    [Fact]
    public void Sequential_AtEveryNOfEveryFamily_IsWithinThreePercentOfNxL()
    {
        var sequential = Steady.Where(c => c is { Strategy: "Sequential", K: 0, SequentialBoundMs: not null }).ToList();
        Assert.NotEmpty(sequential);
        var off = sequential
            .Where(c => Math.Abs((c.MeanMs!.Value / c.SequentialBoundMs!.Value) - 1) > 0.03)
            .Select(c => $"{c.Workload} {string.Join(',', c.Parameters.Select(p => $"{p.Key}={p.Value}"))} N = {c.N}: {c.MeanMs / c.SequentialBoundMs:0.000} x N×L")
            .ToList();
        Assert.True(off.Count == 0, string.Join(Environment.NewLine, off));
    }

    [Fact]
    public void PoolDependentCells_HaveAColdAndASteadyFigure()
    {
        var dependent = Run.Value.Cases.Where(c => c is { Regime: PoolRegime.Steady, DependsOnPoolHistory: true }).ToList();
        Assert.NotEmpty(dependent);
        foreach (var cell in dependent)
        {
            Assert.Contains(Run.Value.Cases, c => c.Regime == PoolRegime.Cold && c.Workload == cell.Workload && c.Strategy == cell.Strategy &&
                c.N == cell.N && c.K == cell.K && c.Parameters.OrderBy(p => p.Key).SequenceEqual(cell.Parameters.OrderBy(p => p.Key)));
        }
    }

    [Fact]
    public void SteadyFigures_ThatTrend_AreLabelledNotSteady()
    {
        var unlabelled = Steady
            .Where(c => c.NotSteady is null && c.IterationsMs.Count >= 3 && Trends(c.IterationsMs))
            .Select(c => $"{c.Workload} {c.Strategy} N = {c.N}: {string.Join(", ", c.IterationsMs)}")
            .ToList();
        Assert.True(unlabelled.Count == 0, string.Join(Environment.NewLine, unlabelled));
    }

    [Fact]
    public void NoCell_IsFasterThanTheMedianSingleOperation()
    {
        var tooFast = Run.Value.Cases
            .Where(c => c is { Success: true, Latency: not null } && c.MeanMs < 0.95 * c.Latency.MedianMs)
            .Select(c => $"{c.Workload} {c.Strategy} N = {c.N} {c.Regime}: {c.MeanMs:0.###} ms < L median {c.Latency!.MedianMs:0.###} ms")
            .ToList();
        Assert.True(tooFast.Count == 0, string.Join(Environment.NewLine, tooFast));
    }

    private static bool Trends(IReadOnlyList<double> series) =>
        (series.Zip(series.Skip(1)).All(p => p.Second > p.First) || series.Zip(series.Skip(1)).All(p => p.Second < p.First))
        && series.Max() / series.Min() >= 1.3;
}
