using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.Results;
using BenchmarkDotNet.Validators;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Benchmarks;

/// <summary>
/// Builds a BenchmarkDotNet summary of SleepBenchmarks with chosen means, as if a run had measured them. A row's output
/// holds the lines its benchmark process printed (several separated by \n); rows are steady-regime cases unless a regime
/// is named.
/// </summary>
internal static class KnownSummary
{
    public static SuiteSettings DefaultSettings { get; } = new();

    /// <summary>Lines that a Sequential N = 1 row prints when it samples L = <paramref name="ms"/> in both forms.</summary>
    public static string LatencyLines(double ms) =>
        $"// IoBench.Latency form=Blocking samples={ms},{ms},{ms}\n// IoBench.Latency form=Async samples={ms},{ms},{ms}";

    public static Summary Create(params (StrategyKind Strategy, int N, int K, double MeanMs, string? Output)[] rows) =>
        Create(rows.Select(r => (r.Strategy, r.N, r.K, r.MeanMs, r.Output, PoolRegime.Steady)).ToArray());

    public static Summary Create(params (StrategyKind Strategy, int N, int K, double MeanMs, string? Output, string Regime)[] rows)
    {
        var config = SuiteConfig.Create(DefaultSettings);
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(SleepBenchmarks), config).BenchmarksCases;
        var reports = rows.Select(row =>
        {
            var benchmarkCase = cases.Single(c => BatchCase.From(c) is { } b && b.Strategy == row.Strategy && b.N == row.N && b.K == row.K && b.Regime == row.Regime);
            var measurements = new[] { IterationStage.Actual, IterationStage.Result }
                .SelectMany(stage => Enumerable.Range(1, 5).Select(i => new BenchmarkDotNet.Reports.Measurement(1, IterationMode.Workload, stage, i, 1, row.MeanMs * 1_000_000).ToString()))
                .ToList();
            var output = row.Output is null ? new List<string>() : row.Output.Split('\n').ToList();
            var execute = new ExecuteResult(true, 0, 1, measurements, [], output, 1);
            var generate = GenerateResult.Success(null!, []);
            return new BenchmarkReport(true, benchmarkCase, generate, BuildResult.Success(generate), [execute], []);
        }).ToImmutableArray();

        return new Summary("known", reports, HostEnvironmentInfo.GetCurrent(), Path.GetTempPath(), string.Empty, TimeSpan.Zero,
            CultureInfo.InvariantCulture, ImmutableArray<ValidationError>.Empty, ImmutableArray<IColumnHidingRule>.Empty, SummaryStyle.Default);
    }

    /// <summary>
    /// A summary of any cases (any family) whose measured batches took these whole-batch times (ms); a per-operation case's
    /// batch holds OperationsPerInvoke operations, so BenchmarkDotNet's Mean is per operation as in a run.
    /// </summary>
    public static Summary FromBatches(params (BenchmarkCase Case, double[] BatchesMs)[] rows)
    {
        var reports = rows.Select(row =>
        {
            var operations = row.Case.Descriptor.OperationsPerInvoke;
            var measurements = new[] { IterationStage.Actual, IterationStage.Result }
                .SelectMany(stage => row.BatchesMs.Select((ms, i) => new BenchmarkDotNet.Reports.Measurement(1, IterationMode.Workload, stage, i + 1, operations, ms * 1_000_000).ToString()))
                .ToList();
            var execute = new ExecuteResult(true, 0, 1, measurements, [], [], 1);
            var generate = GenerateResult.Success(null!, []);
            return new BenchmarkReport(true, row.Case, generate, BuildResult.Success(generate), [execute], []);
        }).ToImmutableArray();

        return new Summary("known", reports, HostEnvironmentInfo.GetCurrent(), Path.GetTempPath(), string.Empty, TimeSpan.Zero,
            CultureInfo.InvariantCulture, ImmutableArray<ValidationError>.Empty, ImmutableArray<IColumnHidingRule>.Empty, SummaryStyle.Default);
    }

    public static string Value(Summary summary, IColumn column, StrategyKind strategy, int n, int k = 0) =>
        column.GetValue(summary, summary.BenchmarksCases.Single(c => BatchCase.From(c) is { } b && b.Strategy == strategy && b.N == n && b.K == k && b.Regime == PoolRegime.Steady));
}
