using IoBench.Core.Settings;

namespace IoBench.Tests.Settings;

/// <summary>Bad input the reliability issue named: each refused with one line that names the value and what is allowed.</summary>
public sealed class SuiteSettingsInputTests
{
    private static SuiteSettings Parse(params string[] args) =>
        new SuiteSettings().WithCommandLine(args, out _);

    [Fact]
    public void WithCommandLine_LatencyOverHalfTheDeadline_Throws()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--latency-ms", "70000"));

        Assert.Contains("--latency-ms 70000", error.Message, StringComparison.Ordinal);
        Assert.Contains("--batch-timeout-s 60 (30000 ms)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void WithCommandLine_LatencyAtHalfTheDeadline_IsAccepted() =>
        Assert.Equal(30_000, Parse("--latency-ms", "30000").LatencyMs);

    [Fact]
    public void WithCommandLine_LongerDeadlineGivenAfterTheLatency_IsAccepted() =>
        Assert.Equal(70_000, Parse("--latency-ms", "70000", "--batch-timeout-s", "140").LatencyMs);

    [Fact]
    public void WithCommandLine_LatencyFromEnvironmentOverTheCommandLineDeadline_Throws()
    {
        var fromEnvironment = SuiteSettings.FromEnvironment(v => v == "IOBENCH_LATENCY_MS" ? "20000" : null);

        Assert.Throws<SettingsException>(() => fromEnvironment.WithCommandLine(["--batch-timeout-s", "30"], out _));
    }

    [Fact]
    public void WithCommandLine_OpsAtTheCeiling_IsAccepted() =>
        Assert.Equal([SuiteSettings.MaxOps], Parse("--ops", "1000000").Ops);

    [Fact]
    public void WithCommandLine_OpsAboveTheCeiling_ThrowsNamingTheCeiling()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--ops", "99999999"));

        Assert.Equal("--ops allows at most N = 1,000,000, got '99999999'.", error.Message);
    }

    [Theory]
    [InlineData("--ops", "1,,10")]
    [InlineData("--ops", "1,10,")]
    [InlineData("--strategies", "Task,,Thread")]
    [InlineData("--strategies", ",Task")]
    public void WithCommandLine_EmptyListEntry_ThrowsNamingTheList(string option, string value)
    {
        var error = Assert.Throws<SettingsException>(() => Parse(option, value));

        Assert.Equal($"{option} has an empty entry in '{value}': write values separated by single commas.", error.Message);
    }

    [Theory]
    [InlineData("--ops", ",")]
    [InlineData("--strategies", " , ")]
    public void WithCommandLine_ListOfNothing_ThrowsNeedsAValue(string option, string value) =>
        Assert.Contains("needs at least one value", Assert.Throws<SettingsException>(() => Parse(option, value)).Message, StringComparison.Ordinal);

    [Fact]
    public void WithCommandLine_ListWithSpacesAfterCommas_IsAccepted() =>
        Assert.Equal([1, 10, 100], Parse("--ops", "1, 10 ,100").Ops);

    [Fact]
    public void OverwriteResults_DefaultOffAndFlagOrEnvironmentTurnsItOn()
    {
        Assert.False(SuiteSettings.FromEnvironment(_ => null).OverwriteResults);
        Assert.True(Parse("--overwrite-results").OverwriteResults);
        Assert.True(SuiteSettings.FromEnvironment(v => v == "IOBENCH_OVERWRITE_RESULTS" ? "1" : null).OverwriteResults);
    }
}
