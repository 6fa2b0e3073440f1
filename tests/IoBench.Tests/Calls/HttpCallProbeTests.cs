using IoBench.Tests.Benchmarks;

namespace IoBench.Tests.Calls;

/// <summary>
/// --http-call's refusals in the host, before BenchmarkDotNet starts: a method that writes, an unreachable target, an
/// unexpected status on the first probe. Each is one line on stderr naming the target (password masked) and the error,
/// exit code 2, and nothing run or written.
/// </summary>
public sealed class HttpCallProbeTests
{
    [Fact]
    public void Main_PostMethod_PrintsOneLineAndReturns2() =>
        Assert.Contains("POST is refused", ProgramTests.MainFailsInOneLine("--http-call", "POST http://127.0.0.1:1/x"), StringComparison.Ordinal);

    [Fact]
    public void Main_UnreachableTarget_PrintsOneLineNamingItAndReturns2WithNothingWritten()
    {
        var port = CallTarget.FreePort();
        var artifacts = Path.Combine(Path.GetTempPath(), "iobench-probe-" + Guid.NewGuid().ToString("N"));

        var line = ProgramTests.MainFailsInOneLine("--http-call", $"GET http://me:Pw-probe-12@127.0.0.1:{port}/x", "--artifacts", artifacts);

        Assert.StartsWith($"iobench: error: GET http://***@127.0.0.1:{port}/x failed: ", line, StringComparison.Ordinal);
        Assert.Contains("refused", line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Pw-probe-12", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(artifacts), "a refused call wrote artifacts");
    }

    [Theory]
    [InlineData(404, "2xx", "answered 404")]
    [InlineData(200, "204", "answered 200")]
    public async Task Main_UnexpectedStatus_PrintsOneLineWithTheStatusAndReturns2(int status, string expected, string says)
    {
        await using var target = CallTarget.Start();
        target.Status = status;

        var line = ProgramTests.MainFailsInOneLine("--http-call", $"GET {target.Url}", "--http-status", expected, "--http-header", "Authorization: Bearer tok-probe-13");

        Assert.StartsWith($"iobench: error: GET {target.Url} {says}", line, StringComparison.Ordinal);
        Assert.Contains($"expected {expected}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-probe-13", line, StringComparison.Ordinal);
        Assert.Single(target.Requests); // the one probe call, nothing after it
    }

    [Fact]
    public async Task Main_CallLongerThanHalfTheBatchDeadline_PrintsOneLineAndReturns2()
    {
        await using var target = CallTarget.Start();
        target.DelayMs = 600;

        var line = ProgramTests.MainFailsInOneLine("--http-call", $"GET {target.Url}", "--batch-timeout-s", "1");

        // Its setup (the probe call and a warm call) runs into the deadline first, or L's rule refuses it: either names the deadline.
        Assert.Matches(@"(more than half of|did not end within) --batch-timeout-s 1\b", line);
        Assert.StartsWith($"iobench: error: GET {target.Url}", line, StringComparison.Ordinal);
    }
}
