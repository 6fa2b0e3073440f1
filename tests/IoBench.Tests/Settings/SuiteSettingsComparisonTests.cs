using BenchmarkDotNet.Engines;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Host;
using IoBench.Core.Settings;
using IoBench.Core.Theory;

namespace IoBench.Tests.Settings;

/// <summary>The runtime comparison's matrix (--comparison, implied by --runtimes of two or more): its L, N, counts and refusals.</summary>
public sealed class SuiteSettingsComparisonTests
{
    private static SuiteSettings Parse(params string[] args) => new SuiteSettings().WithCommandLine(args, out _);

    [Fact]
    public void Comparison_TenMillisecondsThreeProcessesOfThreeBatchesFourColdProcesses()
    {
        var settings = Parse("--comparison");

        Assert.True(settings.Comparison);
        Assert.Equal(SuiteSettings.ComparisonLatencyMs, settings.LatencyMs);
        Assert.Equal((3, 3, 1, 4), (settings.SteadyProcesses, settings.SteadyIterations, settings.SteadyWarmupIterations, settings.ColdLaunches));
        Assert.Equal((20, 2, 2, 1, 3), (Parse().LatencyMs, Parse().SteadyProcesses, Parse().SteadyIterations, Parse().SteadyWarmupIterations, Parse().ColdLaunches));
        // The presets keep their published shape: one steady process of five batches (the per-operation preset with one warm-up batch).
        Assert.Equal((1, 5, 0), (Parse("--scaling").SteadyProcesses, Parse("--scaling").SteadyIterations, Parse("--scaling").SteadyWarmupIterations));
        Assert.Equal((1, 5, 1), (Parse("--cost").SteadyProcesses, Parse("--cost").SteadyIterations, Parse("--cost").SteadyWarmupIterations));
    }

    [Fact]
    public void Comparison_ExplicitLatency_Wins() => Assert.Equal(50, Parse("--comparison", "--latency-ms", "50").LatencyMs);

    [Fact]
    public void Export_OnlyAnExplicitLatencyTravels_ChildrenDeriveTheComparisonsOwn()
    {
        var child = SuiteSettings.FromEnvironment(Parse("--comparison").ToEnvironment().GetValueOrDefault);
        var explicitChild = SuiteSettings.FromEnvironment(Parse("--latency-ms", "30").ToEnvironment().GetValueOrDefault);

        Assert.Equal((true, 10), (child.Comparison, child.LatencyMs));
        Assert.Equal((false, 30), (explicitChild.Comparison, explicitChild.LatencyMs));
    }

    [Theory]
    [InlineData("--full-matrix", "--comparison and --full-matrix")]
    [InlineData("--scaling", "--comparison narrows the default suite")]
    [InlineData("--cost", "--comparison narrows the default suite")]
    public void Comparison_WithAnotherMatrix_ThrowsOneLine(string other, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--comparison", other));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(new[] { 1, 10, 100, 1000 }, false, new[] { 10, 1000 })] // Sleep, HTTP: a small batch and the largest
    [InlineData(new[] { 1, 10, 100, 200 }, false, new[] { 10, 200 })]   // PostgresSleep
    [InlineData(new[] { 1, 100 }, false, new[] { 100 })]                // a device family: its one N
    [InlineData(new[] { 1, 10, 100 }, true, new[] { 10 })]              // SqliteSleep: its async calls complete synchronously
    [InlineData(new[] { 1 }, false, new[] { 1 })]
    public void ComparisonOps_SmallestOfTenOrMoreAndTheLargest(int[] family, bool synchronousAsync, int[] expected) =>
        Assert.Equal(expected, BatchBenchmarks.ComparisonOps(family, synchronousAsync));

    [Fact]
    public void Regimes_ComparisonCounts_KeepTheRegimesIds()
    {
        var jobs = SuiteConfig.Regimes(Parse("--comparison"));

        Assert.Equal([PoolRegime.Steady, PoolRegime.Cold], jobs.Select(j => j.Id));
        Assert.Equal((3, 3, 1), (jobs[0].Run.LaunchCount, jobs[0].Run.IterationCount, jobs[0].Run.WarmupCount));
        Assert.Equal(RunStrategy.Monitoring, jobs[0].Run.RunStrategy);
        Assert.Equal(4, jobs[1].Run.LaunchCount);
        Assert.Equal(RunStrategy.ColdStart, jobs[1].Run.RunStrategy);
        var defaults = SuiteConfig.Regimes(Parse());
        Assert.Equal((2, 2, 1, 3), (defaults[0].Run.LaunchCount, defaults[0].Run.IterationCount, defaults[0].Run.WarmupCount, defaults[1].Run.LaunchCount));
    }
}
