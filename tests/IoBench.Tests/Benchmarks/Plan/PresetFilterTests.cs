using BenchmarkDotNet.Running;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Tests.Benchmarks.Plan;

/// <summary>The default suite leaves the cost, scaling, starvation and call families out; each preset runs its own families and nothing else.</summary>
public sealed class PresetFilterTests
{
    private static readonly Type[] DefaultFamilies = [typeof(SleepBenchmarks), typeof(CpuBenchmarks), typeof(HttpDelayBenchmarks), typeof(PostgresSleepBenchmarks)];

    [Fact]
    public void DefaultSuite_LeavesOutThePresetFamilies()
    {
        var filter = new PresetFilter(new SuiteSettings());

        Assert.All(DefaultFamilies, family => Assert.True(filter.Runs(family), family.Name));
        Assert.False(filter.Runs(typeof(ScalingBenchmarks)));
        Assert.False(filter.Runs(typeof(BareDelayBaseline)));
        Assert.False(filter.Runs(typeof(ZeroLatencyBenchmarks)));
        Assert.False(filter.Runs(typeof(StarvationBenchmarks)));
    }

    [Fact]
    public void Starvation_RunsTheLabOnly()
    {
        var filter = new PresetFilter(new SuiteSettings { Starvation = true });

        Assert.True(filter.Runs(typeof(StarvationBenchmarks)));
        Assert.False(filter.Runs(typeof(ScalingBenchmarks)));
        Assert.False(filter.Runs(typeof(ZeroLatencyBenchmarks)));
        Assert.All(DefaultFamilies, family => Assert.False(filter.Runs(family), family.Name));
    }

    [Fact]
    public void Scaling_RunsTheScalingFamilyAndItsBaselineOnly()
    {
        var filter = new PresetFilter(new SuiteSettings { Scaling = true });

        Assert.True(filter.Runs(typeof(ScalingBenchmarks)));
        Assert.True(filter.Runs(typeof(BareDelayBaseline)));
        Assert.False(filter.Runs(typeof(ZeroLatencyBenchmarks)));
        Assert.All(DefaultFamilies, family => Assert.False(filter.Runs(family), family.Name));
    }

    [Fact]
    public void Cost_RunsTheZeroLatencyFamilyOnly()
    {
        var filter = new PresetFilter(new SuiteSettings { Cost = true });

        Assert.True(filter.Runs(typeof(ZeroLatencyBenchmarks)));
        Assert.False(filter.Runs(typeof(ScalingBenchmarks)));
        Assert.All(DefaultFamilies, family => Assert.False(filter.Runs(family), family.Name));
    }

    [Fact]
    public void EveryFamilyOfTheAssembly_IsInTheDefaultSuiteOrInExactlyOnePreset()
    {
        var families = typeof(Program).Assembly.GetTypes().Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), true))).ToList();
        var runs = new[]
        {
            new SuiteSettings(), new SuiteSettings { Scaling = true }, new SuiteSettings { Cost = true }, new SuiteSettings { Starvation = true },
            new SuiteSettings { HttpCall = HttpCall.Parse("GET http://127.0.0.1/x") }, new SuiteSettings { SqlCall = "SELECT 1" },
        }.Select(s => new PresetFilter(s)).ToList();

        Assert.All(families, family => Assert.Equal(1, runs.Count(r => r.Runs(family))));
    }

    [Fact]
    public void Calls_RunTheirOwnFamilyOnly()
    {
        var http = new PresetFilter(new SuiteSettings { HttpCall = HttpCall.Parse("GET http://127.0.0.1/x") });
        var sql = new PresetFilter(new SuiteSettings { SqlCall = "SELECT 1" });

        Assert.True(http.Runs(typeof(HttpCallBenchmarks)));
        Assert.False(http.Runs(typeof(SqlCallBenchmarks)));
        Assert.True(sql.Runs(typeof(SqlCallBenchmarks)));
        Assert.False(sql.Runs(typeof(HttpCallBenchmarks)));
        Assert.All(DefaultFamilies, family => Assert.False(http.Runs(family) || sql.Runs(family), family.Name));
        Assert.False(new PresetFilter(new SuiteSettings()).Runs(typeof(HttpCallBenchmarks)));
    }

    [Fact]
    public void ZeroLatencyFamily_IsMeasuredPerOperation()
    {
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(ZeroLatencyBenchmarks), SuiteConfig.Create(new SuiteSettings { Cost = true })).BenchmarksCases;

        // OperationsPerInvoke = N: BenchmarkDotNet divides the batch by it, so Mean is per operation. The override's attribute
        // must be the one BenchmarkDotNet reads (the base class's [Benchmark] has 1), and N must be the same constant.
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.Equal(ZeroLatencyBenchmarks.OpsPerBatch, c.Descriptor.OperationsPerInvoke));
        Assert.All(cases, c => Assert.Equal(ZeroLatencyBenchmarks.OpsPerBatch, (int)c.Parameters["N"]));
        Assert.Single(cases.Select(c => c.Descriptor.WorkloadMethod.Name).Distinct());
    }

    [Fact]
    public void BatchFamilies_AreStillMeasuredPerBatch()
    {
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(SleepBenchmarks), SuiteConfig.Create(new SuiteSettings())).BenchmarksCases;

        Assert.All(cases, c => Assert.Equal(1, c.Descriptor.OperationsPerInvoke));
    }
}
