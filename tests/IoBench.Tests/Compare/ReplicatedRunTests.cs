using IoBench.Compare;
using static IoBench.Tests.Compare.SyntheticRun;

namespace IoBench.Tests.Compare;

/// <summary>
/// Runs written as the new benchmark app writes them (<see cref="SyntheticRun"/>): replicate jobs merged into one case of k
/// processes, the controls' section, steady pool cells judged only like with like, and the A/A coverage of the 90%
/// prediction intervals.
/// </summary>
public sealed class ReplicatedRunTests
{
    private static readonly CaseKey SleepTask = CompareFixtures.Key("SleepBenchmarks", "Task", 10, "Steady");

    [Fact]
    public void Load_ReplicateJobs_MergeIntoOneCaseOfKProcesses()
    {
        // Defect caught: Steady-net8.0-p2 read as a side of its own (a framework "net8.0-p2") or as a case of its own.
        using var run = new SyntheticRun(comparison: true);
        run.Add("Sleep", "Task", 10, "Steady", [Batches(10), Batches(11), Batches(12)], side: "net8.0")
            .Add("Sleep", "Task", 10, "Steady", [Batches(10), Batches(11), Batches(12)], side: "net10.0")
            .Add("Sleep", "Task", 10, "Steady", [Batches(10), Batches(11), Batches(12)], side: "net8.0-control");

        var results = RunResults.Load(run.Write());

        Assert.Equal(["net8.0", "net10.0"], results.Frameworks);
        Assert.Equal(["net8.0-control"], results.Controls);
        var net8 = results.ForFramework("net8.0").Cases[SleepTask];
        Assert.Equal([10e6, 11e6, 12e6], net8.ProcessMedians);
        Assert.Equal(Math.Cbrt(10e6 * 11e6 * 12e6), net8.CellEstimate, 3);
        Assert.Empty(results.ForFramework("net8.0").Unmeasured);
    }

    [Fact]
    public void Compare_SingleRuntimeRunsWithLaunches_CompareProcessAgainstProcess()
    {
        using var a = new SyntheticRun(comparison: false);
        using var b = new SyntheticRun(comparison: false);
        a.Add("Sleep", "Task", 10, "Steady", [Batches(10), Batches(10.2)]);
        b.Add("Sleep", "Task", 10, "Steady", [Batches(10.1), Batches(10.3)]);

        var comparison = new RunComparison(RunResults.Load(a.Write()), RunResults.Load(b.Write()));

        var row = Assert.Single(comparison.Cases);
        Assert.True(row.PerProcess);
        Assert.Null(row.Test);
        Assert.Equal(Math.Sqrt(10.1 * 10.3) / Math.Sqrt(10 * 10.2), row.Ratio, 9);
        Assert.Contains("**Tests**: 1 cases by the moderated t-test on log process medians (2 against 2 processes: 1;", ComparisonReport.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimeComparison_Controls_PrintWhatEachGot()
    {
        // 12 timed cells: the negative control measures the baseline's own medians again (ratio 1: same), the positive
        // control 10% above them in 9 cells and unchanged in 3 (9 of 12 = 75% slower: the target of 80% missed). Defect
        // caught: a control taken for a runtime (in the summary) or its section missing.
        using var run = new SyntheticRun(comparison: true);
        for (var n = 1; n <= 12; n++)
        {
            var baseline = new[] { 20.0 * n, 20.4 * n, 19.6 * n };
            run.Add("Sleep", "Task", n, "Steady", [.. baseline.Select(m => Batches(m))], side: "net8.0")
                .Add("Sleep", "Task", n, "Steady", [.. baseline.Select(m => Batches(m))], side: "net8.0-control")
                .Add("Sleep", "Task", n, "Steady", [.. baseline.Select(m => Batches(n <= 9 ? m * 1.1 : m))], side: "net8.0-slowed")
                .Add("Sleep", "Task", n, "Steady", [.. baseline.Select(m => Batches(m))], side: "net10.0");
        }

        var comparison = new RuntimeComparison(RunResults.Load(run.Write()), "net8.0");
        var report = RuntimeComparisonReport.Render(comparison);

        Assert.Equal(["net10.0"], comparison.Others.Select(o => o.B.Framework));
        Assert.Equal((0, 0, 12), (comparison.NegativeControl!.Totals.Faster, comparison.NegativeControl.Totals.Slower, comparison.NegativeControl.Totals.Same));
        Assert.Equal(9, comparison.PositiveControl!.Totals.Slower);
        Assert.Contains("## Controls", report, StringComparison.Ordinal);
        Assert.Contains("| Negative: .NET 8.0.0 (net8.0-control) against .NET 8.0.0 (net8.0) (the same runtime) | 12 | 0 | 0 | 12 | 0 | 0 | at most 1% faster or slower | 0% faster or slower: met |", report, StringComparison.Ordinal);
        Assert.Contains("| at least 80% slower | 75% slower: **missed** |", report, StringComparison.Ordinal);
        Assert.DoesNotContain("(net8.0-control) vs", report, StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimeComparison_SteadyPoolCells_JudgedOnlyLikeWithLike()
    {
        // N = 200 ThreadPool cells: one whose warm-ups settled at 5 threads on net10.0 and 8 on net8.0 (PostgresSleep's
        // case: not judged), one settled at 8 on both (judged), one with both minimums at 256 >= N (judged however the
        // warm-up went), one with a process unsettled (not judged). Defect caught: warm-up history called a runtime effect.
        using var run = new SyntheticRun(comparison: true);
        (int, bool)[] at8 = [(8, true), (8, true), (8, true)], at5 = [(5, true), (5, true), (5, true)];
        void Cell(string strategy, string side, int min, (int, bool)[] warmups, double ms) =>
            run.Add("Sleep", strategy, 200, "Steady", [Batches(ms), Batches(ms * 1.01), Batches(ms * 0.99)], side, dependsOnPool: true, minWorkerThreads: min, warmups: warmups);
        Cell("ThreadPool", "net8.0", 2, at8, 700);
        Cell("ThreadPool", "net10.0", 2, at5, 400);
        Cell("Thread", "net8.0", 2, at8, 300);
        Cell("Thread", "net10.0", 2, at8, 300);
        Cell("Task", "net8.0", 256, at8, 30);
        Cell("Task", "net10.0", 256, at5, 30);
        Cell("ValueTask", "net8.0", 2, at8, 30);
        Cell("ValueTask", "net10.0", 2, [(8, true), (6, false), (8, true)], 30);

        var net10 = new RuntimeComparison(RunResults.Load(run.Write()), "net8.0").Others.Single();
        var verdicts = net10.Cases.ToDictionary(c => c.Key.Parameter("Strategy")!);

        Assert.Equal((4, 2), (net10.PoolCells, net10.PoolCellsNotJudged));
        Assert.Equal(Verdict.NotJudged, verdicts["ThreadPool"].Verdict);
        Assert.Equal("pool began at 5 threads on net10.0, 8 on net8.0", verdicts["ThreadPool"].NotJudgedReason);
        Assert.Equal("the pool did not settle in every process (2 of 3 settled on net10.0)", verdicts["ValueTask"].NotJudgedReason);
        Assert.NotEqual(Verdict.NotJudged, verdicts["Thread"].Verdict);
        Assert.NotEqual(Verdict.NotJudged, verdicts["Task"].Verdict);
        Assert.Equal(0, net10.Totals.Faster + net10.Totals.Slower + net10.Totals.Same + net10.Totals.Unknown - 2);
        Assert.Contains("- .NET 10.0.0 (net10.0): 2 of 4 judged, 2 not judged.", RuntimeComparisonReport.Render(new RuntimeComparison(RunResults.Load(run.Folder), "net8.0")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TwoRunsWithProcessMedians_CoveragePerFamily()
    {
        // A: 10 cells, each with processes at 100·e^−d, 100, 100·e^d (s_f = d exactly, 20 df). Its 90% interval for a
        // repeat of 3 processes: 100 · exp(± t(0.95, 20) · d · √(2/3)). B's estimates: 8 cells at 100 (inside), 2 at twice
        // the half-width (outside). Defect caught: coverage counted against B's interval, or against ranges of batches.
        const double d = 0.02;
        var half = 1.7247 * d * Math.Sqrt(2.0 / 3);
        using var a = new SyntheticRun(comparison: false);
        using var b = new SyntheticRun(comparison: false);
        for (var n = 1; n <= 10; n++)
        {
            a.Add("Sleep", "Task", n, "Steady", [Batches(100 * Math.Exp(-d)), Batches(100), Batches(100 * Math.Exp(d))]);
            var estimate = n <= 8 ? 100 : 100 * Math.Exp(2 * half);
            b.Add("Sleep", "Task", n, "Steady", [Batches(estimate), Batches(estimate), Batches(estimate)]);
        }

        var comparison = new RunComparison(RunResults.Load(a.Write()), RunResults.Load(b.Write()));

        var coverage = Assert.Single(comparison.Coverage);
        Assert.Equal(("SleepBenchmarks [Steady]", 10, 8, 20), (coverage.Family, coverage.Cells, coverage.Inside, coverage.DegreesOfFreedom));
        Assert.Equal(d, coverage.StandardDeviation, 9);
        Assert.Equal(Math.Exp(half) - Math.Exp(-half), coverage.MedianRelativeWidth, 3);
        Assert.False(coverage.OnTarget);
        Assert.Contains("| SleepBenchmarks [Steady] | 10 | 8 (80%) |", ComparisonReport.Render(comparison), StringComparison.Ordinal);
    }
}
