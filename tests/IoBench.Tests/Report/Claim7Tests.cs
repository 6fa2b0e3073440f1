using IoBench.Report;
using IoBench.Report.Claims;

namespace IoBench.Tests.Report;

/// <summary>
/// Claim 7 from complete data files through the report command (scripts/report.sh's path): a real run of the
/// FireAndForget family (Report/Fixtures/fire-and-forget-run, made by <c>dotnet run -c Release --project
/// benchmarks/IoBench.Benchmarks -- --filter '*FireAndForget*'</c> on the 2-core machine under a load average of about
/// 17) holds; the same file with claim 7's cells changed as documented in each test does not. Every expected figure was
/// read from the data file by hand: FireAndForget Mean 1.8867 ms, calls 30.3025, 20.7438, 20.4364, 24.4108, 24.2049 ms
/// (mean 24.02), 50 failures, 0 caught, 50 raised on UnobservedTaskException; Awaits Mean 28.9641 ms, calls 21.4199,
/// 20.5056, 21.0705, 24.6537, 40.7431 ms (mean 25.68), 5 of 50 caught, one in each of the 5 batches, 0 raised.
/// </summary>
public sealed class Claim7Tests
{
    private static string DataFile => Repository.PathOf("tests", "IoBench.Tests", "Report", "Fixtures", "fire-and-forget-run", RunData.FileName);

    /// <summary>Catches a rule or a report that drops or misstates the measured counts and times of a holding run.</summary>
    [Fact]
    public void Render_RealFireAndForgetRun_Claim7HoldsWithItsMeasuredFigures()
    {
        var (glance, report) = Render(ReportSet.Read(DataFile));

        var row = ClaimRow(glance);
        Assert.Contains("| **holds** |", row, StringComparison.Ordinal);
        Assert.Contains("FireAndForget: batch 1.9 ms against its calls' 24.0 ms (0.079 ×); of 50 failures in 5 batches the caller caught 0, UnobservedTaskException raised 50 after collections, 0 reached neither.", row, StringComparison.Ordinal);
        Assert.Contains("Awaits: batch 29.0 ms against its calls' 25.7 ms (1.13 ×); the caller caught a failure in 5 of 5 batches (5 of 50: await rethrows the first), UnobservedTaskException raised 0, 45 reached neither", row, StringComparison.Ordinal);
        Assert.Contains("| Task N = 100, Caller = FireAndForget (steady) | 1.9 ms | 24.0 ms | 50 | 0 | 0 of 5 | 50 | 0 |", report, StringComparison.Ordinal);
        Assert.Contains("| Task N = 100, Caller = Awaits (steady) | 29.0 ms | 25.7 ms | 50 | 5 | 5 of 5 | 0 | 45 |", report, StringComparison.Ordinal);
    }

    /// <summary>
    /// The real run with the failures reaching the fire-and-forget caller: its 50 failures caught by its code (Seen 50, in
    /// all 5 batches) and so none left for UnobservedTaskException. Catches a verdict that ignores what the caller caught
    /// (before issue 19 the count could only be 0, so "does not hold" could not come out).
    /// </summary>
    [Fact]
    public void Render_FireAndForgetCallerCaughtTheFailures_DoesNotHold()
    {
        var run = WithFireAndForget(ReportSet.Read(DataFile), c => c with { Failures = c.Failures! with { Seen = 50, BatchesSeen = 5, Unobserved = 0 } });

        var row = ClaimRow(Render(run).Glance);

        Assert.Contains("| **does not hold in .NET** |", row, StringComparison.Ordinal);
        Assert.Contains("FireAndForget: batch 1.9 ms against its calls' 24.0 ms (0.079 ×); of 50 failures in 5 batches the caller caught 50, UnobservedTaskException raised 0 after collections, 0 reached neither.", row, StringComparison.Ordinal);
    }

    /// <summary>
    /// The real run with the fire-and-forget caller's batches lasting as long as its calls (each batch's time set to its
    /// calls' time, as when the calls complete before they return): no failure caught, but the caller was still running
    /// when they failed. Catches a verdict that judges the counts without the times.
    /// </summary>
    [Fact]
    public void Render_FireAndForgetBatchLastedAsLongAsItsCalls_DoesNotHold()
    {
        var run = WithFireAndForget(ReportSet.Read(DataFile), c => c with { IterationsMs = c.Failures!.CallsMs!, MeanMs = c.Failures.CallsMs!.Average() });

        var row = ClaimRow(Render(run).Glance);

        Assert.Contains("| **does not hold in .NET** |", row, StringComparison.Ordinal);
        Assert.Contains("FireAndForget: batch 24.0 ms against its calls' 24.0 ms (1.000 ×); of 50 failures in 5 batches the caller caught 0,", row, StringComparison.Ordinal);
    }

    /// <summary>
    /// The real run with one awaited batch whose await did not throw (4 of 5 batches caught one): the fire-and-forget half
    /// still holds, the awaited half does not. Catches a rule that does not read the awaiting caller's batches.
    /// </summary>
    [Fact]
    public void Render_AwaitingCallerMissedABatch_HoldsWithACaveat()
    {
        var source = ReportSet.Read(DataFile);
        var run = source with { Cases = [.. source.Cases.Select(c => c.Parameters["Caller"] == "Awaits" ? c with { Failures = c.Failures! with { Seen = 4, BatchesSeen = 4 } } : c)] };

        var row = ClaimRow(Render(run).Glance);

        Assert.Contains("| **holds with a caveat** |", row, StringComparison.Ordinal);
        Assert.Contains("the caller caught a failure in 4 of 5 batches (4 of 50: await rethrows the first), UnobservedTaskException raised 0, 46 reached neither", row, StringComparison.Ordinal);
    }

    /// <summary>
    /// v4 (published before issue 19) has the family's cells but no calls' time and no UnobservedTaskException count, and
    /// its fire-and-forget count was 0 by construction. Catches a rule that still gives that file a verdict.
    /// </summary>
    [Fact]
    public void Render_DataFileBeforeTheMeasuredCounts_NotMeasuredWithTheReason()
    {
        var row = ClaimRow(Render(ReportSet.Read(Repository.PathOf("results", "2026-11-23-net10-debian12-2core-v4", RunData.FileName))).Glance);

        Assert.Contains("| - | **not measured yet** | This data file predates the measured counts", row, StringComparison.Ordinal);
    }

    private static RunData WithFireAndForget(RunData run, Func<CaseData, CaseData> change) =>
        run with { Cases = [.. run.Cases.Select(c => c.Parameters["Caller"] == "FireAndForget" ? change(c) : c)] };

    private static string ClaimRow(string glance) =>
        Assert.Single(glance.Split('\n'), line => line.StartsWith("| 7 |", StringComparison.Ordinal));

    /// <summary>Writes the data file into a fresh folder and runs the report command on it, as scripts/report.sh does.</summary>
    private static (string Glance, string Report) Render(RunData run)
    {
        var folder = Directory.CreateTempSubdirectory("iobench-claim7-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, RunData.FileName), System.Text.Json.JsonSerializer.Serialize(run, ReportSet.Json));
            Assert.Equal(0, ReportCommand.Run([folder.FullName], TextWriter.Null, TextWriter.Null));
            return (File.ReadAllText(Path.Combine(folder.FullName, AtAGlance.FileName)), File.ReadAllText(Path.Combine(folder.FullName, MarkdownReport.FileName)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
