using IoBench.Compare;
using static IoBench.Tests.Compare.CompareFixtures;

namespace IoBench.Tests.Compare;

/// <summary>One comparison run's runtimes against its baseline, and a comparison run as one side of a two-run comparison.</summary>
public sealed class RuntimeComparisonTests
{
    private static readonly CaseKey SleepTask = Key("SleepBenchmarks", "Task", 10, "Steady");
    private static readonly CaseKey SleepPoolCold = Key("SleepBenchmarks", "ThreadPool", 1000, "Cold");

    private readonly RuntimeComparison comparison = new(RunResults.Load(RuntimesRun));

    private CaseComparison Case(string framework, CaseKey key) =>
        comparison.Others.Single(o => o.B.Framework == framework).Cases.Single(c => c.Key == key);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        return (CompareCommand.Run(args, output, error), output.ToString(), error.ToString());
    }

    [Fact]
    public void Frameworks_FromTheJobIds_OldestFirst()
    {
        var run = RunResults.Load(RuntimesRun);

        Assert.Equal(["net8.0", "net9.0", "net10.0"], run.Frameworks);
        Assert.Equal("net8.0", comparison.Baseline.Framework);
        Assert.Equal(["net9.0", "net10.0"], comparison.Others.Select(o => o.B.Framework));
    }

    [Fact]
    public void ForFramework_KeysWithoutTheFramework_RuntimeFromTheDataFile()
    {
        var net10 = RunResults.Load(RuntimesRun).ForFramework("net10.0");

        Assert.Equal([SleepTask, SleepPoolCold], net10.Cases.Keys.OrderBy(k => k.ToString(), StringComparer.Ordinal));
        Assert.Equal("10.0.12", net10.RuntimeVersion);
        Assert.Equal(".NET 10.0.12 (net10.0)", RuntimeComparisonReport.Label(net10));
        Assert.Equal([5e6, 5.5e6, 6e6, 6.5e6, 7e6], net10.Cases[SleepTask].NanosecondsPerOperation);
    }

    [Fact]
    public void Cases_KnownRatiosAndVerdicts_EachRegimeWithItself()
    {
        Assert.Equal(2.0, Case("net9.0", SleepTask).Ratio, 9);
        Assert.Equal(Verdict.Slower, Case("net9.0", SleepTask).Verdict);
        Assert.Equal(2.0 / 252, Case("net9.0", SleepTask).PValue, 12); // five iterations a side, fully apart
        Assert.Equal(0.5, Case("net10.0", SleepTask).Ratio, 9);
        Assert.Equal(Verdict.Faster, Case("net10.0", SleepTask).Verdict);

        // Three cold launches a side can never be significant (the smallest two-sided p is 2/20 = 0.1) nor bound a 95%
        // interval (P(U = 0) = 1/20 > 0.025): "unknown", where the earlier rule said "same" (defect: same meant cannot tell).
        Assert.Equal(2.0, Case("net9.0", SleepPoolCold).Ratio, 9);
        Assert.Equal(0.1, Case("net9.0", SleepPoolCold).PValue, 12);
        Assert.False(Case("net9.0", SleepPoolCold).Estimate.Bounded);
        Assert.Equal(Verdict.Unknown, Case("net9.0", SleepPoolCold).Verdict);
        Assert.Equal(Verdict.Unknown, Case("net10.0", SleepPoolCold).Verdict);
    }

    [Fact]
    public void Headline_MedianAndGeometricMean_PerRuntimeAndRegime()
    {
        Assert.Equal(2.0, comparison.Others[0].Overall.Median, 9);                             // net9.0: 2 and 2
        Assert.Equal(2.0, comparison.Others[0].Overall.GeometricMean, 9);
        Assert.Equal(["Cold", "Steady"], comparison.Others[1].ByRegime.Select(g => g.Name));
        Assert.Equal(0.5, comparison.Others[1].ByRegime[1].Median, 9);                          // net10.0 steady
    }

    [Fact]
    public void SignificantChanges_LargestFirst_OnlyFasterOrSlower()
    {
        var changes = comparison.SignificantChanges;

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(SleepTask, c.Case.Key));
        Assert.Equal(
            "Sleep Task N = 10 (steady): median 12.0 ms on .NET 8.0.33 (net8.0), 24.0 ms on .NET 9.0.22 (net9.0), ratio 2.00 [1.571, 2.545] (100% slower; Mann-Whitney p = 0.0079, q = 0.0159, 5 and 5 iterations).",
            RuntimeComparisonReport.Sentence(changes.Single(c => c.Runtime.B.Framework == "net9.0").Runtime, changes.Single(c => c.Runtime.B.Framework == "net9.0").Case));
    }

    [Fact]
    public void Report_VersionsRulesGroupsAndEveryCase()
    {
        var report = RuntimeComparisonReport.Render(comparison);

        Assert.Contains("- **Baseline**: .NET 8.0.33 (net8.0); compared with it: .NET 9.0.22 (net9.0), .NET 10.0.12 (net10.0).", report, StringComparison.Ordinal);
        Assert.Contains("| .NET 10.0.12 (net10.0) vs .NET 8.0.33 (net8.0) | 2 | 1 | 0 | 0 | 1 |", report, StringComparison.Ordinal);
        Assert.Contains("| .NET 10.0.12 (net10.0) | Steady | 1 | 0.500 | 0.500 |", report, StringComparison.Ordinal);
        Assert.Contains("| SleepBenchmarks | 0 / 1 / 0 / 1 | 1 / 0 / 0 / 1 |", report, StringComparison.Ordinal);
        Assert.Contains("| Sleep (steady) | 2.000 (2.000, 1) | 0.500 (0.500, 1) |", report, StringComparison.Ordinal);
        Assert.Contains("| SleepBenchmarks.Batch(Strategy=Task, N=10, K=none) [Steady] | 12.0 ms | 24.0 ms | 2.00 | [1.571, 2.545] | - | 2.00 | 0.0159 | **slower** | 6.00 ms | 0.50 | [0.393, 0.636] | - | 0.50 | 0.0159 | **faster** |", report, StringComparison.Ordinal);
        Assert.Contains("| CpuBenchmarks.Batch(Strategy=Thread, N=10, K=none) [Steady] | 21.0 ms | not measured | - | - | - | - | - | - | not measured | - | - | - | - | - | - |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_OneComparisonRun_WritesTheRuntimeComparison()
    {
        var (exitCode, output, error) = Run(RuntimesRun, "--baseline", "net10.0");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("- **Baseline**: .NET 10.0.12 (net10.0)", output, StringComparison.Ordinal);
        Assert.Contains("(a 5% threshold)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_OneFrameworkOfAComparisonRun_MeetsARunOfOneRuntime_OnlyWhenDifferentSettingsAreAllowed()
    {
        // TwoJobs holds Sleep Task N=10 under the jobs Steady and Cold of a run of one runtime at L = 20 ms; the comparison
        // run's L is 10 ms. Defect caught: cells of L = 10 ms set beside L = 20 ms ones without a word.
        var refused = Run(TwoJobs, $"{RuntimesRun}@net8.0");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("were run with different settings: L (ms) 20 vs 10", refused.Error, StringComparison.Ordinal);

        var (exitCode, output, error) = Run(TwoJobs, $"{RuntimesRun}@net8.0", "--allow-different-settings");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("**Settings differ** (compared with --allow-different-settings", output, StringComparison.Ordinal);
        Assert.Contains("L (ms) 20 vs 10", output, StringComparison.Ordinal);
        Assert.Contains("| SleepBenchmarks.Batch(Strategy=Task, N=10, K=none) [Steady] |", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("several", "holds jobs on net8.0, net9.0, net10.0: name one runtime")]
    [InlineData("missing", "no jobs on net7.0")]
    [InlineData("one-runtime", "is a run of one runtime: compare it with another run")]
    [InlineData("baseline", "--baseline net7.0: ")]
    public void Command_BadInput_OneLineAndExitCode2(string what, string expected)
    {
        var (exitCode, output, error) = what switch
        {
            "several" => Run(TwoJobs, RuntimesRun),
            "missing" => Run(TwoJobs, $"{RuntimesRun}@net7.0"),
            "one-runtime" => Run(TwoJobs),
            _ => Run(RuntimesRun, "--baseline", "net7.0"),
        };

        Assert.Equal((2, ""), (exitCode, output));
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("iobench-compare: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Steady", "Steady", null)]
    [InlineData("Steady-net8.0", "Steady", "net8.0")]
    [InlineData("Cold-net10.0", "Cold", "net10.0")]
    public void JobIds_SplitIntoRegimeAndFramework(string job, string regime, string? framework)
    {
        Assert.Equal(framework, RunResults.FrameworkOf(job));
        Assert.Equal(regime, RunResults.RegimeOf(job));
    }
}
