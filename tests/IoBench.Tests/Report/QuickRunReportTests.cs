using System.Text.RegularExpressions;
using IoBench.Report;
using IoBench.Report.Claims;

namespace IoBench.Tests.Report;

/// <summary>
/// A real quick run's data file (Report/Fixtures/quick-run, made by <c>dotnet run -c Release --project
/// benchmarks/IoBench.Benchmarks -- --quick</c>: N = 1 and 10, one in-process batch a case, no L sampled, no batch
/// lines) renders to files that say they come from a smoke run and decide nothing the run cannot support. The defect:
/// the page a new user gets from the README's first command naming a best strategy from one batch, "does not hold"
/// verdicts, blank fields and "did not run" for cells the preset never makes, with nothing saying it was a smoke run.
/// </summary>
public sealed partial class QuickRunReportTests
{
    private static string DataFile => Repository.PathOf("tests", "IoBench.Tests", "Report", "Fixtures", "quick-run", RunData.FileName);

    private static readonly string[] Decided = [Claim.Holds, Claim.HoldsWithCaveat, Claim.DoesNotHold];

    [Fact]
    public void Render_QuickRun_EveryReportAndChartCarriesTheBanner()
    {
        var run = ReportSet.Read(DataFile);
        var files = ReportSet.Render(run);

        Assert.True(RunSupport.IsQuick(run));
        Assert.Contains(files, f => f.FileName == "at-a-glance.md");
        Assert.All(files.Where(f => f.FileName.EndsWith(".md", StringComparison.Ordinal)), f =>
        {
            Assert.Contains("> **Quick run (`--quick`)", f.Text, StringComparison.Ordinal);
            Assert.Contains("N = 1, 10 only, 1 batch a case", f.Text, StringComparison.Ordinal); // what was cut, from the data
            Assert.Contains("need a full run", f.Text, StringComparison.Ordinal);
        });
        Assert.All(files.Where(f => f.FileName.EndsWith(".svg", StringComparison.Ordinal)), f => Assert.Contains(RunSupport.ChartBanner, f.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Claims_QuickRun_NoVerdictRestsOnFewerBatchesThanItsRuleNeeds()
    {
        var run = ReportSet.Read(DataFile);

        // Every case of the quick run has one batch, fewer than a rule needs: no claim may come out decided.
        Assert.All(run.Cases, c => Assert.True(RunSupport.Batches(c) < RunSupport.MinimumBatches));
        var claims = ClaimRules.Evaluate(run);
        Assert.All(claims, c => Assert.DoesNotContain(c.Verdict, Decided));
        Assert.All(claims.Where(c => c.Verdict == Claim.NotDecided), c => Assert.Contains("1 batch a cell", c.Explanation, StringComparison.Ordinal));
        // Claims 9 and 10 need a limit below N (K, P, C = 10 and N = 1, 10), claim 7 the failure counts of batch lines.
        Assert.Equal([7, 9, 10], claims.Where(c => c.Verdict == Claim.NotRunByQuick).Select(c => c.Number));
        Assert.All(claims, c => Assert.DoesNotContain("did not run", c.Explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void AtAGlance_QuickRun_NamesNoBestStrategyAndLeavesNoFieldBlank()
    {
        var text = ReportSet.Render(ReportSet.Read(DataFile)).Single(f => f.FileName == "at-a-glance.md").Text;
        var rows = text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Workload", StringComparison.Ordinal) && !l.StartsWith("| # ", StringComparison.Ordinal)).ToList();

        Assert.Equal(16 + 10 + 1, rows.Count); // 16 workload configurations ran, the ten claims and finding F1
        foreach (var row in rows)
        {
            var cells = row.Trim().Trim('|').Split(" | ");
            Assert.All(cells, cell => Assert.False(Blank().IsMatch(cell), $"blank field in: {row}"));
        }

        // Best strategy, Sequential and worst anti-pattern: each a reason, never a figure of one batch against a nominal L.
        foreach (var row in rows.Take(16))
        {
            var cells = row.Trim().Trim('|').Split(" | ");
            Assert.All(cells[1..4], cell => Assert.Matches("^(not decided on this run: |not run|no anti-pattern row in this family)", cell));
        }
    }

    // An empty field, a lone "-", or a figure with its value missing ("71 threads" printed as " threads", "Sync% ;").
    [GeneratedRegex(@"^\s*-?\s*$|\s{2,}|\s[;,)]|\(\s*\)|% ;|\?")]
    private static partial Regex Blank();
}
