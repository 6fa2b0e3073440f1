using IoBench.Core.Settings;

namespace IoBench.Tests.Settings;

/// <summary>--scaling, --cost and --starvation: each selects a run of its own, and combinations that cannot mean one run are refused.</summary>
public sealed class SuiteSettingsPresetTests
{
    private static SuiteSettings Parse(params string[] args) => new SuiteSettings().WithCommandLine(args, out _);

    [Fact]
    public void Default_HasNoPreset() => Assert.Null(Parse().Preset);

    [Theory]
    [InlineData("--scaling", Presets.Scaling)]
    [InlineData("--cost", Presets.Cost)]
    [InlineData("--starvation", Presets.Starvation)]
    [InlineData("--scaling=1", Presets.Scaling)]
    public void WithCommandLine_PresetFlag_SelectsIt(string flag, string preset) => Assert.Equal(preset, Parse(flag).Preset);

    [Fact]
    public void WithCommandLine_PresetFlag_LeavesTheOtherArgumentsToBenchmarkDotNet()
    {
        var settings = new SuiteSettings().WithCommandLine(["--scaling", "--filter", "*Task*", "--latency-ms", "100"], out var rest);

        Assert.True(settings.Scaling);
        Assert.Equal(100, settings.LatencyMs);
        Assert.Equal(["--filter", "*Task*"], rest);
    }

    [Fact]
    public void WithCommandLine_BothPresets_ThrowsOneLine()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--scaling", "--cost"));

        Assert.Contains("--scaling and --cost", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void WithCommandLine_StarvationWithAnotherPreset_ThrowsNamingBoth()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--starvation", "--cost"));

        Assert.Contains("--cost and --starvation", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--scaling")]
    [InlineData("--cost")]
    [InlineData("--starvation")]
    public void WithCommandLine_PresetWithQuick_Throws(string flag) =>
        Assert.Throws<SettingsException>(() => Parse(flag, "--quick"));

    [Fact]
    public void WithCommandLine_PresetFromEnvironmentAndTheOtherOnTheCommandLine_Throws()
    {
        var fromEnvironment = SuiteSettings.FromEnvironment(v => v == "IOBENCH_COST" ? "1" : null);

        Assert.Throws<SettingsException>(() => fromEnvironment.WithCommandLine(["--scaling"], out _));
    }

    [Fact]
    public void WithCommandLine_BadPresetValue_Throws() => Assert.Throws<SettingsException>(() => Parse("--cost=maybe"));

    [Fact]
    public void Export_Preset_ReachesChildProcesses()
    {
        var environment = Parse("--scaling").ToEnvironment();

        // BenchmarkDotNet's children rebuild the settings from the environment: the preset must survive the trip.
        Assert.Equal(Presets.Scaling, SuiteSettings.FromEnvironment(v => environment.GetValueOrDefault(v)).Preset);
        Assert.Null(SuiteSettings.FromEnvironment(v => Parse().ToEnvironment().GetValueOrDefault(v)).Preset);
    }
}
