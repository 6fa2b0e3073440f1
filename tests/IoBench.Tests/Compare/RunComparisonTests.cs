using IoBench.Compare;
using IoBench.Core.Statistics;
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
        // The ratio is the median of the 25 pairwise ratios b/a (Hodges-Lehmann on log times), not mean(B)/mean(A).
        Assert.Equal(1.00, Case("SleepBenchmarks", "Task", 10).Ratio, 9);
        Assert.Equal(2.00, Case("SleepBenchmarks", "Sequential", 10).Ratio, 9);
        Assert.Equal(0.85, Case("CpuBenchmarks", "Thread", 10).Ratio, 9);
        Assert.Equal(2.00, Case("CpuBenchmarks", "Task", 10).Ratio, 9);            // 80/40 is the middle pair
        Assert.Equal(74.0 / 36, Case("CpuBenchmarks", "Task", 10).MeanRatio, 9);   // shown, not used
        Assert.Equal(80.0 / 30, Case("CpuBenchmarks", "Task", 10).MedianRatio, 9);
        Assert.Equal(
            ["Task", "Sequential", "Thread", "Task"], // Cpu Task and Sleep Sequential both 2: by name
            comparison.Cases.Select(c => c.Key.Parameter("Strategy")));
    }

    [Fact]
    public void Agrees_RatioWithinThreshold_OverlappingRangesDoNotCount()
    {
        // Defect caught: "agrees" when the [min, max] ranges overlap although the ratio is 2 (the v4 pair counted 55 such cases).
        Assert.True(Case("SleepBenchmarks", "Task", 10).Agrees);        // ratio 1.00
        Assert.False(Case("CpuBenchmarks", "Task", 10).Agrees);         // ratio 2, although [10, 70] and [40, 100] overlap
        Assert.False(Case("SleepBenchmarks", "Sequential", 10).Agrees); // ratio 2.00
        Assert.False(Case("CpuBenchmarks", "Thread", 10).Agrees);       // ratio 0.85
        Assert.Equal(1, comparison.AgreeCount);
        Assert.Equal(25.0, comparison.AgreePercent);
    }

    [Fact]
    public void Agrees_ThresholdWideEnough_CountsTheRatioAsAgreeingButTheIntervalStillDecides()
    {
        var wide = new RunComparison(RunResults.Load(RunA), RunResults.Load(RunB), new VerdictRule(Threshold: 0.15));
        var thread = wide.Cases.Single(c => c.Key == Key("CpuBenchmarks", "Thread", 10));

        Assert.True(thread.Agrees); // |0.85 - 1| <= 15%
        Assert.Equal(Verdict.Unknown, thread.Verdict); // interval [0.803, 0.900]: neither wholly below 0.85 nor within 0.85-1.15
    }

    [Fact]
    public void Verdict_IntervalBeyondThresholdAndDiscovery_IsFasterOrSlower_ElseUnknown()
    {
        // Five a side at 95%: the 3rd smallest and 3rd largest of the 25 pairwise ratios (P(U <= 2) = 4/252 <= 0.025).
        Assert.Equal(402.0 / 204, Case("SleepBenchmarks", "Sequential", 10).Estimate.Lower, 9);
        Assert.Equal(408.0 / 201, Case("SleepBenchmarks", "Sequential", 10).Estimate.Upper, 9);
        Assert.Equal(Verdict.Slower, Case("SleepBenchmarks", "Sequential", 10).Verdict);
        Assert.Equal(Verdict.Faster, Case("CpuBenchmarks", "Thread", 10).Verdict);    // [0.803, 0.900]
        Assert.Equal(Verdict.Unknown, Case("CpuBenchmarks", "Task", 10).Verdict);     // 2x, but [0.857, 8.0] and p = 14/252
        Assert.Equal(Verdict.Unknown, Case("SleepBenchmarks", "Task", 10).Verdict);   // the same times, but 5 batches spread 20%: [0.875, 1.143]
        Assert.Equal(14.0 / 252, Case("CpuBenchmarks", "Task", 10).PValue, 12);
        // Benjamini-Hochberg over 4 cases: the two p = 2/252 become q = 2/252 x 4/2.
        Assert.Equal(4.0 / 252, Case("SleepBenchmarks", "Sequential", 10).QValue, 12);
        Assert.Equal((1, 1, 0, 2), (comparison.Count(Verdict.Faster), comparison.Count(Verdict.Slower), comparison.Count(Verdict.Same), comparison.Count(Verdict.Unknown)));
    }

    [Fact]
    public void Verdict_ThresholdAboveTheWholeInterval_IsSame()
    {
        var lenient = new RunComparison(RunResults.Load(RunA), RunResults.Load(RunB), new VerdictRule(Threshold: 0.20));

        // [0.803, 0.900] lies within 0.80-1.20: whatever the change is, it is under 20%.
        Assert.Equal(Verdict.Same, lenient.Cases.Single(c => c.Key == Key("CpuBenchmarks", "Thread", 10)).Verdict);
    }

    [Fact]
    public void VerdictsByType_CountsEachFamily()
    {
        Assert.Equal(
            [new VerdictCounts("CpuBenchmarks", 2, 1, 0, 0, 1, 0), new VerdictCounts("SleepBenchmarks", 2, 0, 1, 0, 1, 1)],
            comparison.VerdictsByType);
        Assert.Contains("| CpuBenchmarks | 2 | 1 | 0 | 0 | 1 | 0 (0%) |", ComparisonReport.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_MedianAndGeometricMean_OverallPerTypeAndPerStrategy()
    {
        Assert.Equal(Math.Pow(1 * 2 * 0.85 * 2, 0.25), comparison.Overall.GeometricMean, 9);
        Assert.Equal(Math.Sqrt(1 * 2), comparison.Overall.Median, 9); // 0.85, 1, 2, 2: the middle two on the log scale
        Assert.Equal(4, comparison.Overall.Count);
        Assert.Equal(["Batch"], comparison.ByRegime.Select(g => g.Name));
        Assert.Equal(["CpuBenchmarks", "SleepBenchmarks"], comparison.ByType.Select(g => g.Name));
        Assert.Equal(Math.Sqrt(0.85 * 2), comparison.ByType[0].GeometricMean, 9);
        Assert.Equal(Math.Sqrt(2), comparison.ByType[1].GeometricMean, 9);
        Assert.Equal(["Strategy=Sequential", "Strategy=Task", "Strategy=Thread"], comparison.ByStrategy.Select(g => g.Name));
        Assert.Equal(Math.Sqrt(2), comparison.ByStrategy.Single(g => g.Name == "Strategy=Task").GeometricMean, 9);
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
            Assert.Equal(1.0, sequential.PerLatencyRatio!.Value, 9); // the ratio 2 with L(A)/L(B) = 20/40 taken out
            Assert.True(sequential.AgreesPerLatency);
            Assert.Null(perL.Cases.Single(c => c.Key == Key("CpuBenchmarks", "Thread", 10)).PerLatencyRatio);
            Assert.Equal((1, 1), (perL.PerLatencyCount, perL.AgreePerLatencyCount));
            Assert.Contains("1 of 1 cases within ±5%", ComparisonReport.Render(perL), StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void PairedLatencyFamily_IsDecidedInUnitsOfL_AndItsLChangeReported()
    {
        // B's query took 1.4 times as long as A's, and so did every cell: the A/A pair's SqliteQuery (its L 1.43 times A's).
        // Decided as times, every cell would be "slower"; in units of each side's own L it is not, and the L change is in
        // the report's L table. A family whose data file does not mark its L as sampled per batch keeps the time ratio.
        var root = Directory.CreateTempSubdirectory("iobench-paired-");
        try
        {
            var (a, b) = (Copy(RunA, Path.Combine(root.FullName, "a")), Copy(RunB, Path.Combine(root.FullName, "b")));
            File.WriteAllText(Path.Combine(a, CaseLatencies.DataFile), Data(20, paired: true));
            File.WriteAllText(Path.Combine(b, CaseLatencies.DataFile), Data(40, paired: true));

            var perL = new RunComparison(RunResults.Load(a), RunResults.Load(b));
            var sequential = perL.Cases.Single(c => c.Key == Key("SleepBenchmarks", "Sequential", 10));

            Assert.True(sequential.DecidedPerLatency);
            Assert.Equal(1.0, sequential.Ratio, 9);
            Assert.Equal(2.0, sequential.TimeRatio, 9);
            Assert.NotEqual(Verdict.Slower, sequential.Verdict);
            Assert.False(perL.Cases.Single(c => c.Key == Key("CpuBenchmarks", "Thread", 10)).DecidedPerLatency); // no L in its data
            var change = Assert.Single(perL.LatencyChanges);
            Assert.Equal(("SleepBenchmarks", true, 1, 2.0), (change.Type, change.DecidedPerLatency, change.Cases, change.Median));
            var report = ComparisonReport.Render(perL);
            Assert.Contains("| SleepBenchmarks | yes | 1 | 2.000 | 2.000 | 2.000 |", report, StringComparison.Ordinal);
            Assert.Contains("| 1.000 per L |", report, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(b, CaseLatencies.DataFile), Data(40, paired: false));
            var asTimes = new RunComparison(RunResults.Load(a), RunResults.Load(b)).Cases.Single(c => c.Key == Key("SleepBenchmarks", "Sequential", 10));
            Assert.False(asTimes.DecidedPerLatency); // both sides must say so
            Assert.Equal(2.0, asTimes.Ratio, 9);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void PerProcess_InUnitsOfL_TakesOutTheLAndKeepsTheTest()
    {
        // Three processes a side, B every process 1.4 times A's, and B's L 1.4 times A's: as times a clear "slower";
        // in units of L the same cell, and the interval about 1 as wide as the processes' spread allows.
        var key = Key("SqliteQueryBenchmarks", "Task", 10);
        IReadOnlyList<IReadOnlyList<double>> processesA = [[20.0, 20.2, 19.9], [20.5, 20.4, 20.6], [19.8, 20.0, 20.1]];
        IReadOnlyList<IReadOnlyList<double>> processesB = [.. processesA.Select(p => (IReadOnlyList<double>)[.. p.Select(t => t * 1.4)])];
        var a = new BenchmarkCase(key, processesA, "a");
        var b = new BenchmarkCase(key, processesB, "b");
        var variance = BetweenProcessVariance.Of([a.ProcessMedians, b.ProcessMedians]);
        var rule = new VerdictRule();

        var asTimes = new CaseComparison(a, b, rule, 20, 28, variance);
        var perL = new CaseComparison(a, b, rule, 20, 28, variance, decidePerLatency: true);
        rule.Apply([asTimes]);
        rule.Apply([perL]);

        Assert.Equal(Verdict.Slower, asTimes.Verdict);
        Assert.Equal(1.4, asTimes.Ratio, 6);
        Assert.Equal(1.0, perL.Ratio, 6);
        Assert.Equal(1.4, perL.TimeRatio, 6);
        Assert.True(perL.Estimate.Lower < 1 && perL.Estimate.Upper > 1);
        Assert.NotEqual(Verdict.Slower, perL.Verdict);
        Assert.True(perL.PValue > 0.5);
    }

    private static string Data(double medianMs, bool paired) =>
        $$$"""
        {"SchemaVersion":1,"Cases":[{"Workload":"Sleep","Parameters":{},"Strategy":"Sequential","N":10,"K":0,"Regime":"Batch",
        "Latency":{"Form":"Blocking","MeanMs":{{{medianMs}}},"MedianMs":{{{medianMs}}},"P10Ms":{{{medianMs}}},"P90Ms":{{{medianMs}}},"MaxMs":{{{medianMs}}},"Samples":30}}],
        "Families":[{"Workload":"Sleep","Parameters":{},"LatencySampledPerBatch":{{{(paired ? "true" : "false")}}}}]}
        """;

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
