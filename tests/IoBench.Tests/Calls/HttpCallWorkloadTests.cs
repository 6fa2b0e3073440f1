using System.Diagnostics;
using System.Text;
using IoBench.Core.Http;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Calls;

/// <summary>A user's own HTTP request against a real server: both forms, checked statuses, the headers it sends, and probe failures in one masked line.</summary>
public sealed class HttpCallWorkloadTests
{
    private static HttpCallWorkload Workload(Uri url, string method = "GET", IReadOnlyList<HttpHeader>? headers = null, string status = "2xx", int connections = 0) =>
        new(new HttpCallOptions
        {
            Call = HttpCall.Parse($"{method} {url}"),
            Headers = headers ?? [],
            ExpectedStatus = ExpectedStatus.Parse(status),
            MaxConnections = connections,
            RequestTimeout = TimeSpan.FromSeconds(10),
        });

    [Theory]
    [InlineData(StrategyKind.Sequential)]
    [InlineData(StrategyKind.Thread)]
    [InlineData(StrategyKind.Task)]
    [InlineData(StrategyKind.SequentialAwait)]
    public async Task Batch_BothForms_MakesEveryCall(StrategyKind strategy)
    {
        await using var target = CallTarget.Start();
        await using var workload = new ProbedWorkload(Workload(target.Url));
        await workload.SetupAsync(CancellationToken.None);
        var before = target.Requests.Count;

        await BatchRunner.RunAsync(Strategy.Create(strategy), workload, 10, TimeSpan.FromSeconds(30));

        Assert.Equal(10, workload.Calls);
        Assert.Equal(10, target.Requests.Count - before);
        Assert.Equal(WorkloadNames.HttpCall, workload.Name);
        Assert.Equal(TimeSpan.Zero, workload.Latency); // measured around the batches, like a device's
    }

    [Fact]
    public async Task Run_LargeBody_IsReadToItsEndInBothForms()
    {
        await using var target = CallTarget.Start();
        target.BodyBytes = 2 << 20;
        await using var workload = Workload(target.Url);
        await workload.SetupAsync(CancellationToken.None);

        workload.Run(CancellationToken.None);
        await workload.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Run_Head_SendsHead()
    {
        await using var target = CallTarget.Start();
        await using var workload = Workload(target.Url, method: "HEAD");
        await workload.SetupAsync(CancellationToken.None);

        workload.Run(CancellationToken.None);
        await workload.RunAsync(CancellationToken.None);

        Assert.All(target.Requests, r => Assert.Equal("HEAD", r.Method));
    }

    [Fact]
    public async Task Run_HeadersAndUserInfo_AreSentWithEveryCall()
    {
        await using var target = CallTarget.Start();
        var url = new UriBuilder(target.Url) { UserName = "me", Password = "p@ss word" }.Uri;
        await using var workload = Workload(url, headers: [new HttpHeader("X-Trace", "t-1"), new HttpHeader("Accept", "text/plain")]);
        await workload.SetupAsync(CancellationToken.None);

        workload.Run(CancellationToken.None);
        await workload.RunAsync(CancellationToken.None);

        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("me:p@ss word"));
        Assert.All(target.Requests, r =>
        {
            Assert.Equal("t-1", r.Headers["X-Trace"]);
            Assert.Equal("text/plain", r.Headers["Accept"]);
            Assert.Equal(basic, r.Headers["Authorization"]);
        });
    }

    [Fact]
    public async Task Run_StatusTurnsUnexpected_FailsWithTheStatusInBothForms()
    {
        await using var target = CallTarget.Start();
        await using var workload = Workload(target.Url);
        await workload.SetupAsync(CancellationToken.None);
        target.Status = 503;

        var blocking = Assert.Throws<WorkloadCheckException>(() => workload.Run(CancellationToken.None));
        var async = await Assert.ThrowsAsync<WorkloadCheckException>(async () => await workload.RunAsync(CancellationToken.None));

        Assert.Contains("503", blocking.Message, StringComparison.Ordinal);
        Assert.Contains("expected 2xx", async.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExpectedStatusGiven_AcceptsIt()
    {
        await using var target = CallTarget.Start();
        target.Status = 404;
        await using var workload = Workload(target.Url, status: "404");

        await workload.SetupAsync(CancellationToken.None);
        workload.Run(CancellationToken.None);
    }

    [Fact]
    public async Task Setup_Unreachable_ThrowsProbeExceptionNamingTheCallFast()
    {
        var port = CallTarget.FreePort();
        await using var workload = Workload(new Uri($"http://me:Pw-unreach-7@127.0.0.1:{port}/x"));

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
        Assert.StartsWith($"GET http://***@127.0.0.1:{port}/x", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw-unreach-7", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Setup_UnexpectedStatus_ThrowsProbeExceptionWithTheStatus()
    {
        await using var target = CallTarget.Start();
        target.Status = 401;
        await using var workload = Workload(target.Url, headers: [new HttpHeader("Authorization", "Bearer tok-probe-8")]);

        var error = await Assert.ThrowsAsync<CallProbeException>(() => workload.SetupAsync(CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"GET {target.Url}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-probe-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ConnectionLimit_MakesWavesOfC()
    {
        await using var target = CallTarget.Start();
        target.DelayMs = 50;
        await using var workload = new ProbedWorkload(Workload(target.Url, connections: 2));
        await workload.SetupAsync(CancellationToken.None);

        var watch = Stopwatch.StartNew();
        await BatchRunner.RunAsync(Strategy.Create(StrategyKind.Task), workload, 6, TimeSpan.FromSeconds(30));

        // Three waves of two 50 ms calls: at least ~150 ms (timers end up to ~5 ms early), where unlimited takes ~50.
        Assert.InRange(watch.Elapsed.TotalMilliseconds, 135, 5000);
    }

    [Fact]
    public void Scrub_RemovesUserInfoAndCredentialHeaderValues()
    {
        var workload = Workload(new Uri("http://me:Pw-scrub-9@127.0.0.1:1/x"), headers: [new HttpHeader("Cookie", "sid=ck-scrub-10"), new HttpHeader("Authorization", "Bearer tk-scrub-11")]);

        var scrubbed = workload.Scrub("me:Pw-scrub-9 said sid=ck-scrub-10 and tk-scrub-11");

        Assert.DoesNotContain("Pw-scrub-9", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("ck-scrub-10", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("tk-scrub-11", scrubbed, StringComparison.Ordinal);
    }
}
