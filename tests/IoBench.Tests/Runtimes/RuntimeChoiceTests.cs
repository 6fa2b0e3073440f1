using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Plan;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Settings;
using IoBench.Core.Theory;

namespace IoBench.Tests.Runtimes;

/// <summary>The jobs --runtimes makes: the option taken out of BenchmarkDotNet's arguments, one toolchain per framework, the baseline, the groups.</summary>
public sealed class RuntimeChoiceTests
{
    private static readonly RuntimeChoice Choice = new(["net8.0", "net9.0", "net10.0"], "/opt/dotnet/dotnet");

    [Fact]
    public void Supported_IsTheListTheAppIsBuiltFor() =>
        Assert.Equal(["net8.0", "net9.0", "net10.0"], RuntimeChoice.Supported);

    [Fact]
    public void Take_RuntimesAmongOtherOptions_TakesOnlyTheRuntimes()
    {
        var frameworks = RuntimeChoice.Take(["--filter", "*Sleep*", "--runtimes", "net8.0", "net10.0", "--quick"], out var rest);

        Assert.Equal(["net8.0", "net10.0"], frameworks);
        Assert.Equal(["--filter", "*Sleep*", "--quick"], rest);
    }

    [Fact]
    public void Take_NoRuntimes_ReturnsNullAndEveryArgument()
    {
        Assert.Null(RuntimeChoice.Take(["--filter", "*"], out var rest));
        Assert.Equal(["--filter", "*"], rest);
    }

    [Theory]
    [InlineData("net7.0", "'net7.0' is not a framework the app is built for")]
    [InlineData("net10.0 net10.0", "net10.0 is named twice")]
    [InlineData("", "--runtimes needs one or more target frameworks")]
    public void Take_BadFrameworks_ThrowsOneLine(string values, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => RuntimeChoice.Take(["--runtimes", .. values.Split(' ', StringSplitOptions.RemoveEmptyEntries)], out _));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    /// <summary>Two steady processes and one cold process a side, as a comparison's regimes ask (LaunchCount).</summary>
    private static readonly BenchmarkDotNet.Jobs.Job[] Regimes = [SuiteConfig.SteadyJob.WithLaunchCount(2), SuiteConfig.ColdJob.WithLaunchCount(1)];

    [Fact]
    public void Jobs_EachRegimeOnEachSide_OneJobPerProcessAndTheFirstFrameworkIsTheBaseline()
    {
        var jobs = Choice.Jobs(Regimes, latencyMs: 10);

        // Catches launches left as BenchmarkDotNet's back-to-back LaunchCount (no interleaving) and missing controls.
        Assert.Equal(
            [
                "Steady-net8.0", "Steady-net8.0-p2", "Cold-net8.0",
                "Steady-net8.0-control", "Steady-net8.0-control-p2", "Cold-net8.0-control",
                "Steady-net8.0-slowed", "Steady-net8.0-slowed-p2", "Cold-net8.0-slowed",
                "Steady-net9.0", "Steady-net9.0-p2", "Cold-net9.0",
                "Steady-net10.0", "Steady-net10.0-p2", "Cold-net10.0",
            ],
            jobs.Select(j => j.Id));
        Assert.All(jobs, j => Assert.Equal(1, j.Run.LaunchCount));
        Assert.Equal(["Steady-net8.0", "Steady-net8.0-p2", "Cold-net8.0"], jobs.Where(j => j.Meta.Baseline).Select(j => j.Id));
        foreach (var job in jobs)
        {
            var side = JobTags.SideOf(job);
            var framework = side.Split('-')[0];
            Assert.Equal(framework, JobTags.FrameworkOf(job));
            Assert.Equal(job.Id.EndsWith("-p2", StringComparison.Ordinal) ? 2 : 1, JobTags.ReplicaOf(job));
            Assert.Equal(job.Id.StartsWith("Cold", StringComparison.Ordinal) ? PoolRegime.Cold : PoolRegime.Steady, JobTags.RegimeOf(job));
            // The runtime is named to BenchmarkDotNet (its Runtime column), as its own option names it; the toolchain builds for it.
            var runtime = Assert.IsType<BenchmarkDotNet.Environments.CoreRuntime>(job.Environment.Runtime);
            Assert.Equal(RuntimeChoice.RuntimeOf(framework), runtime);
            Assert.Equal(framework, runtime.MsBuildMoniker);
            Assert.Equal(runtime.Name, job.Infrastructure.Toolchain!.Name);
            // Only the positive control's processes get another L: 10% more, 11 ms for 10.
            var latency = job.Environment.EnvironmentVariables?.FirstOrDefault(v => v.Key == SuiteSettings.LatencyVariable)?.Value;
            Assert.Equal(JobTags.IsSlowed(job) ? "11" : null, latency);
        }
    }

    [Fact]
    public void Jobs_OneFramework_HasNoControls() =>
        Assert.Equal(["Steady-net10.0", "Steady-net10.0-p2", "Cold-net10.0"], new RuntimeChoice(["net10.0"], "/opt/dotnet/dotnet").Jobs(Regimes, 10).Select(j => j.Id));

    [Fact]
    public void Orderer_ComparisonRun_RunsEachCasesProcessesInterleavedAcrossTheSides()
    {
        var config = ImmutableConfigBuilder.Create(ManualConfig.CreateEmpty().AddJob([.. Choice.Jobs(Regimes, 10)]).WithOrderer(new RuntimeOrderer()));
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(TinyBenchmark), config).BenchmarksCases.ToImmutableArray();

        var order = new RuntimeOrderer().GetExecutionOrder(cases).Select(c => c.Job.Id).ToList();

        // A1 B1 C1 A2 B2 C2: catches BenchmarkDotNet's own order, one side's jobs after another's.
        string[] sides = ["net8.0", "net8.0-control", "net8.0-slowed", "net9.0", "net10.0"];
        Assert.Equal([.. sides.Select(s => $"Steady-{s}"), .. sides.Select(s => $"Steady-{s}-p2"), .. sides.Select(s => $"Cold-{s}")], order);
    }

    [Theory]
    [InlineData("net8.0", BenchmarkDotNet.Jobs.RuntimeMoniker.Net80)]
    [InlineData("net9.0", BenchmarkDotNet.Jobs.RuntimeMoniker.Net90)]
    [InlineData("net10.0", BenchmarkDotNet.Jobs.RuntimeMoniker.Net10_0)]
    [InlineData("NET10.0", BenchmarkDotNet.Jobs.RuntimeMoniker.Net10_0)]
    public void RuntimeOf_Framework_IsBenchmarkDotNetsOwnRuntime(string framework, BenchmarkDotNet.Jobs.RuntimeMoniker expected) =>
        Assert.Equal(expected, RuntimeChoice.RuntimeOf(framework)?.RuntimeMoniker);

    [Fact]
    public void RuntimeOf_NoSuchFramework_IsNull() => Assert.Null(RuntimeChoice.RuntimeOf("net4711.0"));

    [Fact]
    public void Orderer_ComparisonRun_GroupsEachRegimeAndReplicaOnItsOwnWithOneBaseline()
    {
        var config = ImmutableConfigBuilder.Create(ManualConfig.CreateEmpty().AddJob([.. Choice.Jobs(Regimes, 10)]).WithOrderer(new RuntimeOrderer()));
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(TinyBenchmark), config).BenchmarksCases.ToImmutableArray();
        IOrderer orderer = new RuntimeOrderer();

        var groups = cases.GroupBy(c => orderer.GetLogicalGroupKey(cases, c)).ToList();

        // Steady replica 1, steady replica 2, cold: each with one job per side and one baseline.
        Assert.Equal(3, groups.Count);
        foreach (var group in groups)
        {
            Assert.Single(group.Select(c => JobTags.RegimeOf(c.Job)).Distinct());
            Assert.Single(group.Select(c => JobTags.ReplicaOf(c.Job)).Distinct());
            Assert.Equal(5, group.Count());
            Assert.Equal("net8.0", JobTags.SideOf(Assert.Single(group, c => c.Job.Meta.Baseline).Job));
        }
    }

    [Fact]
    public void ComparedFamilies_TimedFamiliesAndTheCpuControl_PositiveControlOnlyOnTimedSteadyCells()
    {
        var filter = new CellPlanFilter(new SuiteSettings().WithCommandLine(["--comparison"], out _));
        var config = ImmutableConfigBuilder.Create(ManualConfig.CreateEmpty().AddJob([.. Choice.Jobs(Regimes, 10)]).WithOrderer(new RuntimeOrderer()));
        IEnumerable<BenchmarkCase> Cases(Type family) => BenchmarkConverter.TypeToBenchmarks(family, config).BenchmarksCases;
        string[] Sides(Type family, string regime) =>
            [.. Cases(family).Where(c => JobTags.RegimeOf(c.Job) == regime && filter.InComparedFamilies(c)).Select(c => JobTags.SideOf(c.Job)).Distinct().Order()];

        // Catches a device family left in the 45-minute matrix, and a positive control run where L is not the setting's
        // (the CPU control, a device family) or where a cold pool's injection hides it.
        Assert.Equal(["net10.0", "net8.0", "net8.0-control", "net8.0-slowed", "net9.0"], Sides(typeof(SleepBenchmarks), PoolRegime.Steady));
        Assert.Equal(["net10.0", "net8.0", "net8.0-control", "net9.0"], Sides(typeof(SleepBenchmarks), PoolRegime.Cold));
        Assert.Equal(["net10.0", "net8.0", "net8.0-control", "net9.0"], Sides(typeof(CpuBenchmarks), PoolRegime.Steady));
        Assert.Empty(Sides(typeof(FileWriteBenchmarks), PoolRegime.Steady));
        Assert.Empty(Sides(typeof(SqliteWriteBenchmarks), PoolRegime.Steady));
        // Outside the comparison matrix (--full-matrix) every family runs; the positive control still only where a timer sets L.
        var everyFamily = new CellPlanFilter(new SuiteSettings());
        Assert.Contains(Cases(typeof(FileWriteBenchmarks)), c => everyFamily.InComparedFamilies(c) && JobTags.SideOf(c.Job) == "net8.0");
        Assert.DoesNotContain(Cases(typeof(FileWriteBenchmarks)), c => everyFamily.InComparedFamilies(c) && JobTags.IsSlowed(c.Job));
    }

    [Theory]
    [InlineData("--runtimes", "net7.0")]
    [InlineData("--runtimes", "net8.0", "--job", "short")]
    public void Main_BadRuntimes_ReturnsTwoBeforeAnythingRuns(params string[] args) => Assert.Equal(2, Program.Main(args));

    public class TinyBenchmark
    {
        [BenchmarkDotNet.Attributes.Benchmark]
        public void Nothing()
        {
        }
    }
}
