using System.Net;
using System.Text;
using IoBench.Core.Http;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Http;

/// <summary>Every answer is checked: a wrong status, ms, id or kind fails the operation.</summary>
public sealed class LatencyResponseCheckTests
{
    private static readonly Uri Request = new("/delay/20?id=7", UriKind.Relative);

    [Fact]
    public void Verify_MatchingBody_Passes() =>
        LatencyResponseCheck.Verify(HttpStatusCode.OK, """{"ms":20,"id":"7","kind":"delay"}"""u8, Request, 20, "7", "delay");

    [Theory]
    [InlineData("""{"ms":20,"id":"8","kind":"delay"}""")]
    [InlineData("""{"ms":21,"id":"7","kind":"delay"}""")]
    [InlineData("""{"ms":20,"id":"7","kind":"blocking"}""")]
    [InlineData("""{"ms":20,"id":"7"}""")]
    [InlineData("""not json""")]
    [InlineData("")]
    public void Verify_WrongBody_ThrowsWithTheBody(string body)
    {
        var error = Assert.Throws<WorkloadCheckException>(() =>
            LatencyResponseCheck.Verify(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), Request, 20, "7", "delay"));
        Assert.Contains("/delay/20?id=7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Not200_ThrowsWithTheStatus()
    {
        var error = Assert.Throws<WorkloadCheckException>(() =>
            LatencyResponseCheck.Verify(HttpStatusCode.ServiceUnavailable, "busy"u8, Request, 20, "7", "delay"));
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }
}
