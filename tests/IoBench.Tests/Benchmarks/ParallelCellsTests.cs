using BenchmarkDotNet.Running;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Benchmarks;

/// <summary>
/// The Parallel strategies' cells in the default suite, family by family: where their semantics apply, within the plan's
/// budget and the families' stated rules (issue 21 kept them to about four minutes of a default run). A family rule
/// lost, a cold regime forgotten or a cell added at seconds per case shows here as a changed list.
/// </summary>
public sealed class ParallelCellsTests
{
    private static readonly SuiteSettings Default = new();

    private static readonly StrategyKind[] Parallel = [StrategyKind.ParallelForEachAsync, StrategyKind.ParallelForEachAsyncUnbounded, StrategyKind.ParallelForEach];

    // Each cell: strategy, N, the family's other parameter where it has one, "+cold" where the cold regime runs too.
    [Theory]
    [InlineData(typeof(SleepBenchmarks), "ParallelForEachAsync 10; ParallelForEachAsync 100; ParallelForEachAsyncUnbounded 10; ParallelForEachAsyncUnbounded 100; ParallelForEachAsyncUnbounded 1000; ParallelForEach 10 +cold; ParallelForEach 100 +cold")]
    [InlineData(typeof(CpuBenchmarks), "ParallelForEachAsync 10; ParallelForEach 10; ParallelForEach 100")]
    [InlineData(typeof(FileWriteBenchmarks), "ParallelForEachAsync 100; ParallelForEach 100 +cold")]
    [InlineData(typeof(HttpDelayBenchmarks), "ParallelForEachAsync 10 Connections=unlimited; ParallelForEachAsync 100 Connections=unlimited; ParallelForEachAsyncUnbounded 10 Connections=unlimited; ParallelForEachAsyncUnbounded 100 Connections=unlimited; ParallelForEachAsyncUnbounded 1000 Connections=unlimited; ParallelForEach 10 Connections=unlimited +cold; ParallelForEach 100 Connections=unlimited +cold")]
    [InlineData(typeof(HttpBlockingServerBenchmarks), "")]
    [InlineData(typeof(PostgresSleepBenchmarks), "ParallelForEachAsync 10 Pool=N; ParallelForEachAsyncUnbounded 100 Pool=10; ParallelForEachAsyncUnbounded 200 Pool=10; ParallelForEachAsyncUnbounded 10 Pool=N; ParallelForEachAsyncUnbounded 100 Pool=N; ParallelForEachAsyncUnbounded 200 Pool=N; ParallelForEach 10 Pool=N +cold")]
    [InlineData(typeof(PostgresQueryBenchmarks), "")]
    [InlineData(typeof(PostgresWriteBenchmarks), "")]
    [InlineData(typeof(PostgresConnectBenchmarks), "")]
    [InlineData(typeof(SqliteQueryBenchmarks), "ParallelForEachAsync 10; ParallelForEach 10")]
    [InlineData(typeof(SqliteSleepBenchmarks), "ParallelForEachAsync 10; ParallelForEach 10 +cold; ParallelForEach 100 +cold")]
    [InlineData(typeof(SqliteWriteBenchmarks), "ParallelForEachAsync 100; ParallelForEach 100 +cold")]
    public void DefaultSuite_RunsTheParallelStrategiesInThesePlannedCells(Type family, string expected)
    {
        var filter = new CellPlanFilter(Default);
        var cases = BenchmarkConverter.TypeToBenchmarks(family, SuiteConfig.Create(Default)).BenchmarksCases
            .Where(filter.Predicate)
            .Select(c => (Case: c, Batch: BatchCase.From(c)!))
            .Where(c => Parallel.Contains(c.Batch.Strategy))
            .ToList();
        string Other(BenchmarkCase c) => string.Concat(c.Parameters.Items
            .Where(p => p.Name is not (nameof(BatchBenchmarks.Strategy) or nameof(BatchBenchmarks.N) or nameof(BatchBenchmarks.K)))
            .Select(p => $" {p.Name}={p.Value}"));

        var cells = cases.Where(c => c.Batch.Regime == PoolRegime.Steady)
            .OrderBy(c => c.Batch.Strategy).ThenBy(c => Other(c.Case), StringComparer.Ordinal).ThenBy(c => c.Batch.N)
            .Select(c => $"{c.Batch.Strategy} {c.Batch.N}{Other(c.Case)}{(cases.Any(cold => cold.Batch.Regime == PoolRegime.Cold && cold.Batch.WorkloadKey == c.Batch.WorkloadKey && cold.Batch.Strategy == c.Batch.Strategy && cold.Batch.N == c.Batch.N) ? " +cold" : string.Empty)}");

        Assert.Equal(expected, string.Join("; ", cells));
        Assert.All(cases, c => Assert.Contains($"Strategy={c.Batch.Strategy}&", c.Case.Parameters.PrintInfo, StringComparison.Ordinal));
    }
}
