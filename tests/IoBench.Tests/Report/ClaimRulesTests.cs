using IoBench.Report;
using IoBench.Report.Claims;

namespace IoBench.Tests.Report;

/// <summary>The ten claims' verdicts, computed from data files: every claim gets one, and claim 7 is not invented (Claim7Tests judges it).</summary>
public sealed class ClaimRulesTests
{
    private static readonly string[] Verdicts = [Claim.Holds, Claim.HoldsWithCaveat, Claim.DoesNotHold, Claim.NotMeasured, Claim.NotDecided, Claim.NotRunByQuick];

    [Fact]
    public void Evaluate_EveryPublishedDataFile_GivesTenVerdicts_Claim7OnlyWhereItsFamilyRan()
    {
        foreach (var dataFile in Directory.GetDirectories(Repository.PathOf("results")).Select(f => Path.Combine(f, RunData.FileName)).Where(File.Exists))
        {
            var run = ReportSet.Read(dataFile);
            var claims = ClaimRules.Evaluate(run);

            Assert.Equal(Enumerable.Range(1, 10), claims.Select(c => c.Number));
            Assert.All(claims, c => Assert.Contains(c.Verdict, Verdicts));
            var claim7 = claims.Single(c => c.Number == 7).Verdict;
            // Files before issue 19 have no calls' time nor UnobservedTaskException count: their claim 7 is not judged.
            // A quick run judges no claim: each is not decided on its one batch, or not run by --quick.
            Assert.True(RunSupport.IsQuick(run) ? claims.All(c => c.Verdict is Claim.NotDecided or Claim.NotRunByQuick)
                : run.Cases.Any(c => c.Failures is { Unobserved: not null, CallsMs: not null }) ? claim7 != Claim.NotMeasured : claim7 == Claim.NotMeasured, $"{dataFile}: claim 7 {claim7}");
        }
    }

    [Fact]
    public void Evaluate_FixtureWithSleepOnly_JudgesWhatItHasAndNotTheRest()
    {
        var claims = ClaimRules.Evaluate(ReportSet.Read(ReportFixture.DataFile)).ToDictionary(c => c.Number);

        Assert.Equal(Claim.Holds, claims[1].Verdict); // Sequential 1.002 × N×L at N = 10, Task 1.00 × max(L) at N = 100
        Assert.Equal(Claim.Holds, claims[9].Verdict); // Bounded K = 10 at N = 100: 1.02 × ceil(N/K)×L
        Assert.Equal(Claim.NotMeasured, claims[6].Verdict); // no Cpu family in the fixture
        Assert.Equal(Claim.NotMeasured, claims[10].Verdict);
    }

    [Fact]
    public void WriteIndex_Twice_ReplacesItsBlockAndKeepsTheRest()
    {
        var folder = Directory.CreateTempSubdirectory("iobench-index-");
        try
        {
            var index = Path.Combine(folder.FullName, "README.md");
            File.WriteAllText(index, "# Published results\n\nWritten by hand.\n");
            var run = ReportSet.Read(ReportFixture.DataFile);

            GeneratedBlock.AtAGlanceTables.Write(index, Path.Combine(folder.FullName, "run-1"), run);
            var once = File.ReadAllText(index);
            GeneratedBlock.AtAGlanceTables.Write(index, Path.Combine(folder.FullName, "run-1"), run);

            Assert.Equal(once, File.ReadAllText(index));
            Assert.StartsWith("# Published results\n\nWritten by hand.\n", once, StringComparison.Ordinal);
            Assert.Contains("[chart](run-1/chart-sleep.svg)", once, StringComparison.Ordinal);
            Assert.Contains("| 7 | An exception in fire-and-forget", once, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
