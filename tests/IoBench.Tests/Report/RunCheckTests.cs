using System.Globalization;
using System.Text;
using IoBench.Report;
using IoBench.Report.RunCheck;

namespace IoBench.Tests.Report;

/// <summary>
/// scripts/check-run.sh's check (the report tool's check verb) on synthetic BenchmarkDotNet logs, where the verdict is
/// known by construction, and on every published run's log, which it must read whole.
/// </summary>
public sealed class RunCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iobench-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Defect: no trend test at all, or the outside rule (strictly monotone) that a trend with two dips slips past.
    [Fact]
    public void Check_TwelveBatchesRisingWithTwoDips_FlagsTrend()
    {
        double[] series = [20, 21, 20.5, 22, 23, 22.5, 24, 25, 26, 27, 28, 30];
        var (code, output, _) = Check(Case("Rising", Launch(1, 1, series)));

        Assert.Equal(1, code);
        Assert.Contains("trend rising x1.50", output, StringComparison.Ordinal);
        Assert.Contains("1 cases (1 processes) read, 1 flagged; trend test: two-sided Mann-Kendall, alpha 0.05, span >= 1.2x", output, StringComparison.Ordinal);
    }

    // Defect: a series too long for an exact path that fails, or a p-value that stops shrinking with length.
    [Fact]
    public void Check_ThirtyBatchesFalling_FlagsTrend()
    {
        var series = Enumerable.Range(0, 30).Select(i => 60.0 - i).ToArray();
        var (code, output, _) = Check(Case("Falling", Launch(1, 1, series)));

        Assert.Equal(1, code);
        Assert.Contains("trend falling x1.94, p = 0 (30 batches)", output, StringComparison.Ordinal);
    }

    // Defect: a rule on the span alone: this series spans 1.25x with no order in it (S = 0).
    [Fact]
    public void Check_FlatNoisySeries_NotFlagged()
    {
        double[] series = [20, 25, 21, 24, 22, 23, 23, 22, 24, 21, 25, 20];
        Assert.Equal(0, MannKendallTest.TwoSided(series).S);

        var (code, output, _) = Check(Case("Flat", Launch(1, 1, series)));

        Assert.Equal(0, code);
        Assert.Contains("1 cases (1 processes) read, 0 flagged", output, StringComparison.Ordinal);
    }

    // Defect: a trend claimed where the test cannot reach alpha (3 batches: p >= 1/3; 4: p >= 2/24 = 0.083), or the
    // header not counting the processes left untested.
    [Fact]
    public void Check_ThreeAndFourBatchMonotoneProcesses_NeverFlaggedAndCounted()
    {
        var (code, output, _) = Check(Case("Three", Launch(1, 1, [10, 20, 40])) + Case("Four", Launch(1, 1, [10, 20, 40, 80])) + Case("Five", Launch(1, 1, [20, 20.5, 21, 22, 23])));

        Assert.Equal(0, code);
        Assert.Equal(5, RunCheckRule.FewestTestableBatches);
        Assert.Contains("2 of 3 processes have fewer than 5 measured batches", output, StringComparison.Ordinal);
        Assert.Contains("3 cases (3 processes) read, 0 flagged", output, StringComparison.Ordinal);
    }

    // Defect: a case's launches read as one series: 10 11 12 | 13 14 15 is a strictly monotone 6 (p = 0.003) when joined.
    [Fact]
    public void Check_TwoLaunchesOfThreeRisingBatches_NotOneSeries()
    {
        var (code, output, _) = Check(Case("Launches", Launch(1, 2, [10, 11, 12]) + Launch(2, 2, [13, 14, 15])));

        Assert.Equal(0, code);
        Assert.Contains("1 cases (2 processes) read, 0 flagged", output, StringComparison.Ordinal);
    }

    // Defect: without launch lines, a second process's jitting or first measured batch read as the first one's.
    [Fact]
    public void Parse_NoLaunchLines_SplitsAtEachStagesFirstLine()
    {
        var log = Header("Split")
            + Batch("OverheadJitting", 1, 0.3) + Batch("WorkloadJitting", 1, 30) + Batch("WorkloadActual", 1, 20) + Batch("WorkloadActual", 2, 21)
            + Batch("OverheadJitting", 1, 0.3) + Batch("WorkloadJitting", 1, 31) + Batch("WorkloadActual", 1, 22) + Batch("WorkloadActual", 2, 23)
            + Batch("WorkloadActual", 1, 24) + Batch("WorkloadActual", 2, 25);

        var processes = RunLog.Parse(new StringReader(log));

        Assert.Equal([[20, 21], [22, 23], [24, 25]], processes.Select(p => p.Measured.Select(b => b.BatchMs).ToArray()));
        Assert.Equal([1, 1, 0], processes.Select(p => p.Unmeasured.Count));
        Assert.Equal(["process 1", "process 2", "process 3"], processes.Select(p => p.Launch));
    }

    // Defect: a first batch far from the measured ones (a pool that grew, a connection that opened) not flagged.
    [Fact]
    public void Check_JittingBatchFarAboveMeasured_FlagsFirstBatch()
    {
        var log = Case("Cold", "// Launch: 1 / 1\n" + Batch("WorkloadJitting", 1, 500) + string.Concat(Enumerable.Range(1, 5).Select(i => Batch("WorkloadActual", i, 20 + (i % 2)))));
        var (code, output, _) = Check(log);

        Assert.Equal(1, code);
        Assert.Contains("first batch x23.81 the measured median: Synthetic.Batch: Cold [N=1], launch 1/1: first 500 ms, median 21 ms", output, StringComparison.Ordinal);
    }

    // Defect: JIT's own cost flagged: 5x the median, but 1.2 ms apart (less than JIT adds), and 1.5x, 10 ms apart.
    [Fact]
    public void Check_FirstBatchWithinJitCost_NotFlagged()
    {
        var log = Case("Small", "// Launch: 1 / 1\n" + Batch("WorkloadJitting", 1, 1.5) + string.Concat(Enumerable.Range(1, 5).Select(i => Batch("WorkloadActual", i, 0.3))))
            + Case("Near", "// Launch: 1 / 1\n" + Batch("WorkloadJitting", 1, 30) + string.Concat(Enumerable.Range(1, 5).Select(i => Batch("WorkloadActual", i, 20))));

        Assert.Equal(0, Check(log).Code);
    }

    [Fact]
    public void Check_MissingFile_ExitsTwoWithOneLine()
    {
        var missing = Path.Combine(_folder, "no-such-run");
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(2, ReportCommand.Run([RunCheckCommand.Verb, missing], output, error));
        Assert.Equal("", output.ToString());
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Check_Markdown_NamesTheCheckAndFencesItsLines()
    {
        var (code, output, _) = Check(Case("Rising", Launch(1, 1, [20, 21, 22, 23, 25])), "--markdown");

        Assert.Equal(1, code);
        Assert.StartsWith("# What scripts/check-run.sh flags in this run, and why", output, StringComparison.Ordinal);
        Assert.Contains("two-sided Mann-Kendall test, p < 0.05", output, StringComparison.Ordinal);
        Assert.Contains("```text\ncheck of ", output, StringComparison.Ordinal);
    }

    // The point of the check is reading real logs: every published run's log (with and without jitting lines, one
    // launch or three, three runtimes' jobs) reads whole, with at least one case, and no input error.
    [Fact]
    public void Check_EveryPublishedRunLog_ReadsWithoutError()
    {
        var logs = Directory.GetFiles(Repository.PathOf("results"), "run.log.gz", SearchOption.AllDirectories);
        Assert.NotEmpty(logs);
        foreach (var log in logs)
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var code = ReportCommand.Run([RunCheckCommand.Verb, log], output, error);

            Assert.True(code is 0 or 1, $"{log}: exit {code}: {error}");
            Assert.Equal("", error.ToString());
            Assert.DoesNotContain(" 0 cases", output.ToString(), StringComparison.Ordinal);
        }
    }

    private (int Code, string Output, string Error) Check(string log, params string[] options)
    {
        var path = Path.Combine(_folder, "run.log");
        File.WriteAllText(path, log);
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter();
        var code = ReportCommand.Run([RunCheckCommand.Verb, .. options, path], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Case(string name, string body) => Header(name) + body;

    private static string Header(string name) =>
        $"// Benchmark: Synthetic.Batch: {name}(IterationCount=5, LaunchCount=1) [N=1]\n// *** Execute ***\n";

    private static string Launch(int launch, int of, double[] measuredMs)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"// Launch: {launch} / {of}\n// BeforeActualRun\n"));
        for (var i = 0; i < measuredMs.Length; i++)
        {
            text.Append(Batch("WorkloadActual", i + 1, measuredMs[i]));
        }

        return text.Append("// AfterActualRun\n").ToString();
    }

    private static string Batch(string stage, int index, double ms) =>
        string.Create(CultureInfo.InvariantCulture, $"{stage,-16}{index,2}: 1 op, {ms * 1e6:0.00} ns, {ms:0.0000} ms/op\n");
}
