using System.Diagnostics;
using System.Text;
using IoBench.Benchmarks;
using IoBench.Tests.Faults;
using Xunit.Abstractions;

namespace IoBench.Tests.Calls;

/// <summary>
/// A real --http-call run (out of process, as a user runs it) with distinctive secrets in the URL's user-info, an
/// Authorization and a Cookie header, against a target that starts answering 500 in the middle of the first case's
/// batches and recovers once that case has failed. The case fails with the first error and no hang, the rest of the run
/// goes on, the calls did carry the secrets, and no secret appears in the console or in any artifact of the run.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class HttpCallRunTests(ITestOutputHelper output)
{
    private const string Password = "Pw-run-7f3a9c";
    private const string Token = "tok-run-51be02";
    private const string CookieValue = "ck-run-a94d17";

    [Fact]
    public async Task App_TargetFailsMidRun_CaseFailsWithTheFirstErrorTheRestRunsAndNoSecretLeaks()
    {
        await using var target = CallTarget.Start();
        target.DelayMs = 40; // Sequential N = 10: 0.4 s a batch, so the flip lands inside the first case's batches
        var url = new UriBuilder(target.Url) { UserName = "me", Password = Password }.Uri;
        var watch = Stopwatch.StartNew();
        await using var app = RunningApp.Start(
            "--http-call", $"GET {url}", "--http-header", $"Authorization: Bearer {Token}", "--http-header", $"Cookie: sid={CookieValue}",
            "--strategies", "Sequential,Task", "--ops", "10,20");

        // The first case (Sequential N = 10, the smallest N first) has measured a batch: from now on the target fails.
        await app.WaitForLineAsync(l => l.StartsWith("WorkloadActual", StringComparison.Ordinal), TimeSpan.FromMinutes(4));
        target.Status = 500;
        var failure = await app.WaitForLineAsync(l => l.StartsWith(BatchBenchmarks.FailurePrefix, StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        target.Status = 200;
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromMinutes(4));
        output.WriteLine(failure);
        output.WriteLine($"run took {watch.Elapsed.TotalSeconds:0} s");
        output.WriteLine(app.Output);

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{app.Output}");
        Assert.Contains("HttpCallBenchmarks.Batch [Connections=unlimited, Strategy=Sequential, N=10, K=none]", failure, StringComparison.Ordinal);
        Assert.Contains($"GET http://***@127.0.0.1:{target.Port}/call answered 500", failure, StringComparison.Ordinal);
        var report = await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-report.md"));
        Assert.Matches(@"\| Sequential \| \*\*failed\*\* \|", report);
        Assert.Matches(@"\| Task \| [0-9.,]+ ms \[", report); // the run went on: Task's cells ran after the failure

        // The calls carried the secrets (the two headers; an explicit Authorization wins over the URL's user-info)...
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"me:{Password}"));
        Assert.All(target.Requests, r => Assert.Equal($"Bearer {Token}", r.Headers["Authorization"]));
        Assert.All(target.Requests, r => Assert.Equal($"sid={CookieValue}", r.Headers["Cookie"]));

        // ...and none reached the console, BenchmarkDotNet's logs and reports, or the suite's report and data file.
        var secrets = new[] { Password, Token, CookieValue, basic["Basic ".Length..] };
        Assert.All(secrets, s => Assert.DoesNotContain(s, app.Output, StringComparison.Ordinal));
        var files = Directory.EnumerateFiles(app.Artifacts, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("iobench-data.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".log", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("-report-full.json", StringComparison.Ordinal));
        var leaking = files.Where(f => secrets.Any(s => Contains(File.ReadAllBytes(f), s))).ToList();
        Assert.True(leaking.Count == 0, $"a secret is in: {string.Join(", ", leaking)}");
        Assert.Contains("Authorization: ***", await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-data.json")), StringComparison.Ordinal);
    }

    private static bool Contains(byte[] bytes, string secret) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) >= 0;

    [Fact]
    public async Task App_TargetSlowsDownAfterTheProbe_TheTimeCapStillHoldsAndTheCellSaysWhy()
    {
        await using var target = CallTarget.Start();
        target.DelayMs = 5;
        const int cap = 55;
        var watch = Stopwatch.StartNew();
        await using var app = RunningApp.Start("--http-call", $"GET {target.Url}", "--strategies", "Sequential", "--ops", "5", "--time-cap-s", $"{cap}");

        // The plan is made on the probe's L; from now on every call takes a second (a batch of 5: 5 s), far over the estimate.
        await app.WaitForLineAsync(l => l.StartsWith("iobench: GET ", StringComparison.Ordinal) && l.Contains("(probe)", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        target.DelayMs = 1000;
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromMinutes(3));
        var took = watch.Elapsed;
        output.WriteLine($"run took {took.TotalSeconds:0} s");
        output.WriteLine(app.Output);

        // Cut, not failed: the case either never started (a slow build) or stopped before a batch once the cap had passed.
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{app.Output}");
        var report = await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-report.md"));
        Assert.Matches(@"\| Sequential \| not run: the run's time cap", report);
        // At most one batch and its L sample past the cap (5 s + 3 s), and the test's own process start and exit.
        Assert.InRange(took.TotalSeconds, 0, cap + 8 + 10);
    }
}
