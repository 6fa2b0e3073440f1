using IoBench.Benchmarks;
using Xunit.Abstractions;
using IoBench.Tests.Scripts;

namespace IoBench.Tests.Faults;

/// <summary>
/// PostgreSQL stops in the middle of a run (a throwaway server of the test's own): the PostgreSQL cases still pending
/// fail, each with one line naming it; the Sleep family after them still runs and is reported; exit code 1; no hang.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PostgresStoppedTests(ITestOutputHelper output)
{
    [PostgresScriptFact]
    public async Task App_PostgresStoppedMidRun_PendingCasesFailInOneLineEachAndTheRestIsReported()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        // L = 200 ms: the Sequential N = 10 batch lasts 2 s, long enough for the server to stop in its middle.
        await using var app = RunningApp.Start(
            "--quick", "--filter", "*PostgresSleep*", "*.SleepBenchmarks.*", "--ops", "1,10", "--strategies", "Sequential,Task",
            "--latency-ms", "200", "--max-sequential-ms", "3000", "--postgres", postgres.Url);

        // The classes run in name order: PostgresSleep first, Sleep after it.
        await app.WaitForLineAsync(l => l.StartsWith("// Benchmark: PostgresSleepBenchmarks", StringComparison.Ordinal) && l.Contains("Strategy=Sequential, N=10", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        // The app waits, stopped, while the server stops: on a busy machine a slow stop (pg_ctl -m fast -w) could otherwise
        // let the Task case finish first, and the test would not know which case met the stopped server.
        app.Pause();
        try
        {
            await postgres.StopAsync();
        }
        finally
        {
            app.Resume();
        }

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(90));

        foreach (var line in app.Lines.Where(l => l.StartsWith(BatchBenchmarks.FailurePrefix, StringComparison.Ordinal)))
        {
            output.WriteLine(line); // what the user reads
        }

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{app.Output}");
        var failures = app.Lines.Where(l => l.StartsWith(BatchBenchmarks.FailurePrefix, StringComparison.Ordinal)).ToList();
        // The case the server stopped under (unless it ended before the pause) and the one after it: one line each.
        Assert.InRange(failures.Count, 1, 2);
        Assert.Single(failures, l => l.Contains("PostgresSleepBenchmarks.Batch [Pool=N, Strategy=Task, N=10, K=none]", StringComparison.Ordinal));
        Assert.All(failures, l => Assert.Matches(@"PostgresSleepBenchmarks\.Batch \[Pool=N, Strategy=(Sequential|Task), N=10, K=none\]: \w*Exception: ", l));

        var report = await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-report.md"));
        var postgresPart = Section(report, "## PostgresSleep");
        var sleepPart = Section(report, "## Sleep");
        Assert.Equal(failures.Count, Count(postgresPart, "**failed**"));
        Assert.Equal(0, Count(sleepPart, "**failed**"));
        Assert.Contains("| Task |", sleepPart, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(app.Results, "*.partial"));
        Assert.Empty(app.LeftoverTempFolders());
    }

    private static string Section(string report, string heading)
    {
        var start = report.IndexOf(heading + " ", StringComparison.Ordinal) is var i and >= 0 ? i : report.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading} in the report:\n{report}");
        var end = report.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? report[start..] : report[start..end];
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;
}
