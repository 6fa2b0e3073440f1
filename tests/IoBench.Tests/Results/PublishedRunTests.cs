using System.Text.Json;
using IoBench.Benchmarks.Exporters;
using IoBench.Core.Theory;

namespace IoBench.Tests.Results;

/// <summary>
/// Every published run that has a data file (results/*/iobench-data.json; runs before it have none) keeps the promises
/// its figures rest on: Sequential is N x L, every pool-dependent cell has both regimes, every trending steady series
/// is labelled, and no cell beats a single operation.
/// </summary>
public sealed class PublishedRunTests
{
    private static readonly Lazy<IReadOnlyList<(string Folder, RunData Data)>> Runs = new(() =>
    {
        var runs = Directory.GetDirectories(Repository.PathOf("results"))
            .Where(folder => File.Exists(Path.Combine(folder, DataExporter.FileName)))
            .Select(folder => (Path.GetFileName(folder), JsonSerializer.Deserialize<RunData>(File.ReadAllText(Path.Combine(folder, DataExporter.FileName)))!))
            .ToList();
        return runs.Count > 0 ? runs : throw new InvalidOperationException($"No published run under results/ has an {DataExporter.FileName}.");
    });

    [Fact]
    public void Sequential_AtEveryNOfEveryFamily_IsWithinThreePercentOfNxL() => AssertNone(run =>
    {
        var sequential = Steady(run).Where(c => c is { Strategy: "Sequential", K: 0, SequentialBoundMs: not null }).ToList();
        Assert.NotEmpty(sequential);
        return sequential
            .Where(c => Math.Abs((c.MeanMs!.Value / c.SequentialBoundMs!.Value) - 1) > 0.03)
            .Select(c => $"{Name(c)}: {c.MeanMs / c.SequentialBoundMs:0.000} x N×L");
    });

    [Fact]
    public void PoolDependentCells_HaveAColdAndASteadyFigure() => AssertNone(run =>
        run.Cases
            .Where(c => c is { Regime: PoolRegime.Steady, DependsOnPoolHistory: true })
            .Where(cell => !run.Cases.Any(c => c.Regime == PoolRegime.Cold && Name(c) == Name(cell)))
            .Select(cell => $"{Name(cell)}: no cold figure"));

    [Fact]
    public void SteadyFigures_ThatTrend_AreLabelledNotSteady() => AssertNone(run =>
        Steady(run)
            .Where(c => c.NotSteady is null && c.IterationsMs.Count >= 3 && Trends(c.IterationsMs))
            .Select(c => $"{Name(c)}: {string.Join(", ", c.IterationsMs)}"));

    [Fact]
    public void NoCell_IsFasterThanTheMedianSingleOperation() => AssertNone(run =>
        run.Cases
            .Where(c => c is { Success: true, Latency: not null } && c.MeanMs < 0.95 * c.Latency.MedianMs)
            .Select(c => $"{Name(c)} {c.Regime}: {c.MeanMs:0.###} ms < L median {c.Latency!.MedianMs:0.###} ms"));

    private static IEnumerable<CaseData> Steady(RunData run) => run.Cases.Where(c => c is { Regime: PoolRegime.Steady, Success: true });

    private static string Name(CaseData c) =>
        $"{c.Workload}({string.Join(", ", c.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}) {c.Strategy} N = {c.N} K = {c.K}";

    private static void AssertNone(Func<RunData, IEnumerable<string>> violations)
    {
        var found = Runs.Value.SelectMany(run => violations(run.Data).Select(v => $"{run.Folder}: {v}")).ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private static bool Trends(IReadOnlyList<double> series) =>
        (series.Zip(series.Skip(1)).All(p => p.Second > p.First) || series.Zip(series.Skip(1)).All(p => p.Second < p.First))
        && series.Max() / series.Min() >= 1.3;
}
