using IoBench.Compare;
using static IoBench.Tests.Compare.CompareFixtures;

namespace IoBench.Tests.Compare;

public sealed class RunComparisonTests
{
    private readonly RunComparison comparison = new(RunResults.Load(RunA), RunResults.Load(RunB));

    private CaseComparison Case(string type, string strategy, int n) => comparison.Cases.Single(c => c.Key == Key(type, strategy, n));

    [Fact]
    public void Load_FolderWithAPlainAndAGzippedReport_MergesBoth()
    {
        var b = RunResults.Load(RunB);

        Assert.Equal(2, b.Reports.Count);
        Assert.Equal(5, b.Cases.Count);
        Assert.Contains(Key("CpuBenchmarks", "Thread", 10), b.Cases.Keys); // from the .json.gz
    }

    [Fact]
    public void Load_OnlyWorkloadActualIterations_InNanosecondsPerOperation()
    {
        var task = RunResults.Load(RunB).Cases[Key("SleepBenchmarks", "Task", 10)];

        // Stored as Operations = 10 and ten times the nanoseconds; Jitting, Overhead and Result rows are left out.
        Assert.Equal([20e6, 21e6, 22e6, 23e6, 24e6], task.NanosecondsPerOperation);
        Assert.Equal(22e6, task.Mean);
        Assert.Equal(22e6, task.Median);
    }

    [Fact]
    public void Load_JobIdFromDisplayInfo_KeepsJobsApart()
    {
        var run = RunResults.Load(TwoJobs);

        Assert.Equal(["Cold", "Steady"], run.Cases.Keys.Select(k => k.Job).Order());
        Assert.Equal("Batch", Assert.Single(RunResults.Load(RunA).Cases.Keys.Select(k => k.Job).Distinct()));
    }

    [Fact]
    public void Cases_KnownRatios_SortedByLargestChangeFirst()
    {
        Assert.Equal(1.00, Case("SleepBenchmarks", "Task", 10).MeanRatio, 9);
        Assert.Equal(2.00, Case("SleepBenchmarks", "Sequential", 10).MeanRatio, 9);
        Assert.Equal(0.85, Case("CpuBenchmarks", "Thread", 10).MeanRatio, 9);
        Assert.Equal(74.0 / 36, Case("CpuBenchmarks", "Task", 10).MeanRatio, 9);
        Assert.Equal(80.0 / 30, Case("CpuBenchmarks", "Task", 10).MedianRatio, 9);
        Assert.Equal(
            ["Task", "Sequential", "Thread", "Task"],
            comparison.Cases.Select(c => c.Key.Parameter("Strategy")));
    }

    [Fact]
    public void Agrees_WithinThresholdOrOverlappingRanges()
    {
        Assert.True(Case("SleepBenchmarks", "Task", 10).Agrees);        // ratio 1.00
        Assert.True(Case("CpuBenchmarks", "Task", 10).Agrees);          // ratio 2.06, but [10, 70] and [40, 100] overlap
        Assert.True(Case("CpuBenchmarks", "Task", 10).RangesOverlap);
        Assert.False(Case("SleepBenchmarks", "Sequential", 10).Agrees); // ratio 2.00, ranges apart
        Assert.False(Case("CpuBenchmarks", "Thread", 10).Agrees);       // ratio 0.85, ranges apart
        Assert.Equal(2, comparison.AgreeCount);
        Assert.Equal(50.0, comparison.AgreePercent);
    }

    [Fact]
    public void Agrees_ThresholdWideEnough_CountsRangesApartAsAgreeing()
    {
        var wide = new RunComparison(RunResults.Load(RunA), RunResults.Load(RunB), threshold: 0.15);

        Assert.True(wide.Cases.Single(c => c.Key == Key("CpuBenchmarks", "Thread", 10)).Agrees); // |0.85 - 1| <= 15%
        Assert.Equal(Verdict.Faster, wide.Cases.Single(c => c.Key == Key("CpuBenchmarks", "Thread", 10)).Verdict);
    }

    [Fact]
    public void Verdict_SignificantAndBeyondThreshold_IsFasterOrSlower()
    {
        Assert.Equal(Verdict.Same, Case("SleepBenchmarks", "Task", 10).Verdict);
        Assert.Equal(Verdict.Slower, Case("SleepBenchmarks", "Sequential", 10).Verdict);
        Assert.Equal(Verdict.Faster, Case("CpuBenchmarks", "Thread", 10).Verdict);
        Assert.Equal(Verdict.Same, Case("CpuBenchmarks", "Task", 10).Verdict); // 2x, but p = 14/252 > 0.05
        Assert.Equal(14.0 / 252, Case("CpuBenchmarks", "Task", 10).Test.PValue, 12);
        Assert.Equal((1, 1, 2), (comparison.Count(Verdict.Faster), comparison.Count(Verdict.Slower), comparison.Count(Verdict.Same)));
    }

    [Fact]
    public void Verdict_ThresholdAboveTheChange_IsSameEvenWhenSignificant()
    {
        var lenient = new RunComparison(RunResults.Load(RunA), RunResults.Load(RunB), threshold: 0.20);

        Assert.Equal(Verdict.Same, lenient.Cases.Single(c => c.Key == Key("CpuBenchmarks", "Thread", 10)).Verdict);
    }

    [Fact]
    public void AgreementByType_CountsEachFamilyAndEveryOtherFamily()
    {
        // Cpu: Task agrees (ranges overlap), Thread does not; Sleep: Task agrees, Sequential does not.
        Assert.Equal(
            [new AgreementGroup("CpuBenchmarks", 2, 1, 2, 1), new AgreementGroup("SleepBenchmarks", 2, 1, 2, 1)],
            comparison.AgreementByType);
        Assert.Contains("| CpuBenchmarks | 2 | 1 | 50% | 1 of 2 | 50% |", ComparisonReport.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void GeometricMeans_OverallPerTypeAndPerStrategy()
    {
        var task = 74.0 / 36;
        Assert.Equal(Math.Pow(1 * 2 * 0.85 * task, 0.25), comparison.Overall.GeometricMean, 9);
        Assert.Equal(4, comparison.Overall.Count);
        Assert.Equal(["CpuBenchmarks", "SleepBenchmarks"], comparison.ByType.Select(g => g.Name));
        Assert.Equal(Math.Sqrt(0.85 * task), comparison.ByType[0].GeometricMean, 9);
        Assert.Equal(Math.Sqrt(2), comparison.ByType[1].GeometricMean, 9);
        Assert.Equal(["Strategy=Sequential", "Strategy=Task", "Strategy=Thread"], comparison.ByStrategy.Select(g => g.Name));
        Assert.Equal(Math.Sqrt(task), comparison.ByStrategy.Single(g => g.Name == "Strategy=Task").GeometricMean, 9);
    }

    [Fact]
    public void GeometricMean_HalfAndDouble_BalanceOut() =>
        Assert.Equal(1.0, RatioGroup.Of("x", [0.5, 2.0]).GeometricMean, 12);

    [Fact]
    public void OneSidedCases_AreListedNotCompared()
    {
        Assert.Equal([Key("SleepBenchmarks", "Thread", 100)], comparison.OnlyInA);
        Assert.Equal([Key("SleepBenchmarks", "ValueTask", 10)], comparison.OnlyInB);
        Assert.Equal(4, comparison.Cases.Count);
    }

    [Fact]
    public void PerLatency_EachRunInUnitsOfItsOwnL_FromTheDataFiles()
    {
        // Sleep Sequential N = 10 is twice as slow in B; if B's L was twice A's too (a device twice as slow that day),
        // the cell agrees in units of L. Cases without an L in both data files have no per-L figure.
        var root = Directory.CreateTempSubdirectory("iobench-perl-");
        try
        {
            var (a, b) = (Copy(RunA, Path.Combine(root.FullName, "a")), Copy(RunB, Path.Combine(root.FullName, "b")));
            File.WriteAllText(Path.Combine(a, CaseLatencies.DataFile), Data(20));
            File.WriteAllText(Path.Combine(b, CaseLatencies.DataFile), Data(40));

            var perL = new RunComparison(RunResults.Load(a), RunResults.Load(b));
            var sequential = perL.Cases.Single(c => c.Key == Key("SleepBenchmarks", "Sequential", 10));

            Assert.False(sequential.Agrees);
            Assert.Equal(1.0, sequential.PerLatencyRatio!.Value, 9);
            Assert.True(sequential.AgreesPerLatency);
            Assert.Null(perL.Cases.Single(c => c.Key == Key("CpuBenchmarks", "Thread", 10)).PerLatencyRatio);
            Assert.Equal((1, 1), (perL.PerLatencyCount, perL.AgreePerLatencyCount));
            Assert.Contains("1 of 1 cases agree", ComparisonReport.Render(perL));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static string Data(double medianMs) =>
        $$$"""
        {"SchemaVersion":1,"Cases":[{"Workload":"Sleep","Parameters":{},"Strategy":"Sequential","N":10,"K":0,"Regime":"Batch",
        "Latency":{"Form":"Blocking","MeanMs":{{{medianMs}}},"MedianMs":{{{medianMs}}},"P10Ms":{{{medianMs}}},"P90Ms":{{{medianMs}}},"MaxMs":{{{medianMs}}},"Samples":30}}]}
        """;

    private static string Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        return to;
    }
}
