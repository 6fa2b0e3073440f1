using System.Globalization;
using System.Text.RegularExpressions;
using IoBench.Report;
using IoBench.Report.Claims;

namespace IoBench.Tests.Report;

/// <summary>
/// Finding F1 (issue 21: Parallel.ForEachAsync's default degree of parallelism) judged from a real run and from that run
/// changed to model the finding false, and the charts of a family with all fifteen strategies. The fixture
/// (Report/Fixtures/parallel-run) is the Sleep family of
/// <c>dotnet run -c Release -- --strategies Sequential,Task,ThreadPool,ParallelForEachAsync,ParallelForEachAsyncUnbounded,ParallelForEach --ops 1,10,100 --filter '*SleepBenchmarks*'</c>
/// (2026-12-06, two steady processes of two batches a cell, three cold ones), its other families left out.
/// </summary>
public sealed class ParallelReportTests
{
    internal static readonly string Fixture = Repository.PathOf("tests", "IoBench.Tests", "Report", "Fixtures", "parallel-run", RunData.FileName);

    [Fact]
    public void F1_ParallelRunAsMeasured_HoldsWithItsFigures()
    {
        // Read from the data file by hand: ParallelForEachAsync N = 100 1,039.488 ms against 50 waves of the async L 20.3033 ms
        // (1,015.2 ms: 1.02; 51.2 × max(L)); the unbounded row 22.25 ms (1.10 × max(L), just within 1.1); Task 21.305 ms.
        var f1 = Finding(ReportSet.Read(Fixture));

        Assert.Equal(Claim.Holds, f1.Verdict);
        Assert.Equal("ParallelForEachAsync N = 100: 1,039 ms = 1.02 × ceil(N/2)×L (51.2 × max(L)); ParallelForEachAsyncUnbounded 22.3 ms = 1.10 × max(L); Task 21.3 ms: the default degree took 48.8 × Task's time", f1.Figures);
        Assert.Equal("Sleep ParallelForEachAsync, ParallelForEachAsyncUnbounded, Task N = 100", f1.Cells);
    }

    [Fact]
    public void F1_DefaultDegreeOverlappingEveryCall_DoesNotHold()
    {
        // A runtime whose default degree let every call run at once: ParallelForEachAsync N = 100 at max(L), as Task.
        var run = Retimed(ReportSet.Read(Fixture), c => c is { Strategy: "ParallelForEachAsync", N: 100 }, c => c.Latency!.MedianMs * 1.05);

        var f1 = Finding(run);

        Assert.Equal(Claim.DoesNotHold, f1.Verdict);
        Assert.StartsWith("ParallelForEachAsync N = 100: 21.3 ms = 0.02 × ceil(N/2)×L", f1.Figures, StringComparison.Ordinal);
    }

    [Fact]
    public void F1_UnboundedRowInWavesToo_DoesNotHold()
    {
        // MaxDegreeOfParallelism = N that did not remove the waves: the degree would not be the cause.
        var run = Retimed(ReportSet.Read(Fixture), c => c is { Strategy: "ParallelForEachAsyncUnbounded", N: 100 }, c => c.Latency!.MedianMs * 50);

        Assert.Equal(Claim.DoesNotHold, Finding(run).Verdict);
    }

    [Fact]
    public void F1_WithoutTheUnboundedRow_HoldsWithACaveatAtMost()
    {
        var run = ReportSet.Read(Fixture);
        run = run with { Cases = [.. run.Cases.Where(c => c.Strategy != "ParallelForEachAsyncUnbounded")] };

        var f1 = Finding(run);

        Assert.Equal(Claim.HoldsWithCaveat, f1.Verdict);
        Assert.Contains("ParallelForEachAsyncUnbounded not run at this N", f1.Figures, StringComparison.Ordinal);
        Assert.StartsWith("Caveat: the unbounded row did not run", f1.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void F1_RunWithoutTheParallelStrategies_IsNotMeasured() =>
        Assert.Equal(Claim.NotMeasured, Finding(ReportSet.Read(ReportFixture.DataFile)).Verdict);

    [Fact]
    public void F1_TooFewBatches_IsNotDecided()
    {
        // One batch a cell cannot show the spread a verdict needs.
        var run = ReportSet.Read(Fixture);
        run = run with { Cases = [.. run.Cases.Select(c => c.Strategy == "ParallelForEachAsync" ? c with { IterationsMs = [.. c.IterationsMs.Take(1)] } : c)] };

        Assert.Equal(Claim.NotDecided, Finding(run).Verdict);
    }

    [Fact]
    public void AtAGlance_ParallelRun_ListsF1BelowTheClaims()
    {
        var text = AtAGlance.Render(ReportSet.Read(Fixture));

        Assert.True(text.IndexOf("### Findings", StringComparison.Ordinal) > text.IndexOf("### The ten claims", StringComparison.Ordinal));
        Assert.Contains("| F1 | Parallel.ForEachAsync's default degree of parallelism is the processor count", text, StringComparison.Ordinal);
        Assert.Contains("**holds**", text[text.IndexOf("| F1 |", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_ParallelRun_DrawsTheCoresLawBesideTheDefaultDegreesRow()
    {
        var chart = ReportSet.Render(ReportSet.Read(Fixture)).Single(f => f.FileName == "chart-sleep.svg").Text;

        Assert.Contains(">ceil(N/cores)×L, cores = 2</text>", chart, StringComparison.Ordinal);
        // Each Parallel strategy has its own colour, none of the twelve before it.
        var colours = new[] { 12, 13, 14 }.Select(i => IoBench.Report.Charts.FamilyChart.Palette[i]).ToList();
        Assert.Equal(3, colours.Distinct().Count());
        Assert.DoesNotContain(colours, c => IoBench.Report.Charts.FamilyChart.Palette.Take(12).Contains(c));
    }

    [Fact]
    public void Chart_FamilyWithEveryStrategyAndItsColdRows_KeepsTheLegendAboveTheCaption()
    {
        // v5's FileWrite family (27 legend entries) with the three Parallel rows added, two of them cold too, and the
        // ceil(N/cores)×L line the default degree's row brings: 33 entries, where 27 fit at the legend's usual spacing.
        var run = ReportSet.Read(Repository.PathOf("results", "2026-12-06-net10-debian12-2core-v5", RunData.FileName));
        var family = run.Families!.Single(f => f.Workload == "FileWrite");
        var task = run.Cases.Where(c => c.Workload == "FileWrite" && c.Strategy == "Task").ToList();
        var added = new[] { ("ParallelForEachAsync", false), ("ParallelForEachAsyncUnbounded", true), ("ParallelForEach", true) }
            .SelectMany(s => task.Where(c => c.Regime == "Steady" || s.Item2).Select(c => c with { Strategy = s.Item1 }));
        run = run with
        {
            Cases = [.. run.Cases, .. added],
            Families = [.. run.Families!.Select(f => f == family ? f with { Rows = [.. f.Rows, new("ParallelForEachAsync", 0), new("ParallelForEachAsyncUnbounded", 0), new("ParallelForEach", 0)] } : f)],
        };

        var chart = ReportSet.Render(run).Single(f => f.FileName == "chart-filewrite.svg").Text;

        var legend = Regex.Matches(chart, "<text x=\"704\" y=\"([0-9.]+)\"[^>]*>([^<]*)</text>").Select(m => (Y: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Label: m.Groups[2].Value)).ToList();
        var caption = Regex.Matches(chart, "<text x=\"78\" y=\"([0-9.]+)\"[^>]*font-size=\"11\"").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Min();
        Assert.Equal(33, legend.Count);
        Assert.Contains(legend, e => e.Label == "ParallelForEach, cold");
        Assert.True(legend[^1].Y <= caption - 10, $"the legend ends at {legend[^1].Y}, the caption starts at {caption}");
        Assert.All(legend.Zip(legend.Skip(1)), pair => Assert.True(pair.Second.Y - pair.First.Y >= 11, $"{pair.First.Label} and {pair.Second.Label} overlap"));
    }

    private static Claim Finding(RunData run) => FindingRules.Evaluate(run).Single(f => f.Number == 1);

    /// <summary>The run with the chosen steady cells' batches scaled to a new Mean, each keeping its relative spread.</summary>
    private static RunData Retimed(RunData run, Func<CaseData, bool> which, Func<CaseData, double> meanMs) =>
        run with
        {
            Cases = [.. run.Cases.Select(c => c.Regime != "Steady" || !which(c) ? c : (meanMs(c) / c.MeanMs!.Value) is var factor ? c with
            {
                IterationsMs = [.. c.IterationsMs.Select(ms => ms * factor)],
                MeanMs = c.MeanMs * factor,
                MinMs = c.MinMs * factor,
                MaxMs = c.MaxMs * factor,
                StdErrorMs = c.StdErrorMs * factor,
            } : c)],
        };
}
