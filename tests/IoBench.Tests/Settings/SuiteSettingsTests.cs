using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Tests.Settings;

public sealed class SuiteSettingsTests
{
    private static SuiteSettings Parse(params string[] args) =>
        new SuiteSettings().WithCommandLine(args, out _);

    [Fact]
    public void Defaults_NoInput_AreTheDocumentedOnes()
    {
        var settings = SuiteSettings.FromEnvironment(_ => null);
        Assert.Equal(20, settings.LatencyMs);
        Assert.Equal([1, 10, 100, 1000], settings.Ops);
        Assert.Equal(10, settings.Limit);
        Assert.Equal(15, settings.Strategies.Count); // README: "all fifteen"
    }

    [Fact]
    public void WithCommandLine_SuiteOptions_AreTakenOutAndTheRestKept()
    {
        var settings = new SuiteSettings().WithCommandLine(["--latency-ms", "50", "--filter", "*Sleep*", "--ops=1,10", "--strategies", "Task", "thread"], out var rest);
        Assert.Equal(50, settings.LatencyMs);
        Assert.Equal([1, 10], settings.Ops);
        Assert.Equal([StrategyKind.Task, StrategyKind.Thread], settings.Strategies);
        Assert.Equal(["--filter", "*Sleep*"], rest);
    }

    [Fact]
    public void WithCommandLine_OpsAsSeparateTokens_AreOneList() =>
        Assert.Equal([1, 10, 100], Parse("--ops", "100", "1", "10").Ops);

    [Theory]
    [InlineData("--latency-ms", "0")]
    [InlineData("--latency-ms", "-5")]
    [InlineData("--latency-ms", "abc")]
    [InlineData("--ops", "1,x")]
    [InlineData("--ops", "0")]
    [InlineData("--strategies", "Nope")]
    [InlineData("--strategies", "3")]
    [InlineData("--limit", "1.5")]
    public void WithCommandLine_BadValue_ThrowsOneLineError(string option, string value)
    {
        var error = Assert.Throws<SettingsException>(() => Parse(option, value));
        Assert.Contains(option.TrimStart('-').Split('-')[0], error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void HttpUrl_Default_IsNoneAndCommandLineSetsIt()
    {
        Assert.Null(SuiteSettings.FromEnvironment(_ => null).HttpUrl);
        Assert.Equal(new Uri("http://10.0.0.5:8080/"), Parse("--http-url", "http://10.0.0.5:8080").HttpUrl);
        Assert.Equal(new Uri("http://h:1/"), SuiteSettings.FromEnvironment(v => v == "IOBENCH_HTTP_URL" ? "http://h:1" : null).HttpUrl);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://host/")]
    [InlineData("/relative")]
    public void HttpUrl_NotAbsoluteHttp_ThrowsOneLineError(string value)
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--http-url", value));
        Assert.Contains("--http-url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithCommandLine_OptionWithoutValue_Throws() => Assert.Throws<SettingsException>(() => Parse("--latency-ms"));

    [Fact]
    public void Quick_WithoutExplicitOps_UsesTheSmokeList() => Assert.Equal([1, 10], Parse("--quick").Ops);

    [Fact]
    public void ToEnvironment_RoundTrips()
    {
        var settings = Parse("--latency-ms", "30", "--ops", "5,50", "--strategies", "Bounded,Channel", "--quick");
        var environment = settings.ToEnvironment();
        var back = SuiteSettings.FromEnvironment(name => environment.GetValueOrDefault(name));
        Assert.Equal(settings.LatencyMs, back.LatencyMs);
        Assert.Equal(settings.Ops, back.Ops);
        Assert.Equal(settings.Strategies, back.Strategies);
        Assert.True(back.Quick);
    }
}
