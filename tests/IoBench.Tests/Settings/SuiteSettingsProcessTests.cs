using System.Globalization;
using IoBench.Core.Settings;

namespace IoBench.Tests.Settings;

/// <summary>The process settings (--server-gc, --processor-count, --min-worker-threads): read, checked, exported, shown.</summary>
public sealed class SuiteSettingsProcessTests
{
    private static SuiteSettings Parse(params string[] args) => new SuiteSettings().WithCommandLine(args, out _);

    [Fact]
    public void Defaults_AreTheRuntimesOwn()
    {
        var settings = SuiteSettings.FromEnvironment(_ => null);

        Assert.False(settings.ServerGc);
        Assert.Null(settings.ProcessorCount);
        Assert.Null(settings.MinWorkerThreads);
        Assert.Equal(Environment.ProcessorCount, settings.BenchmarkProcessorCount);
        Assert.Empty(settings.ProcessOptions);
    }

    [Fact]
    public void WithCommandLine_ReadsAllThree()
    {
        var settings = Parse("--server-gc", "--processor-count", "3", "--min-worker-threads=40");

        Assert.Equal((true, 3, 40), (settings.ServerGc, settings.ProcessorCount, settings.MinWorkerThreads));
        Assert.Equal(3, settings.BenchmarkProcessorCount);
        Assert.Equal(["--server-gc", "--processor-count", "--min-worker-threads"], settings.ProcessOptions);
    }

    [Fact]
    public void FromEnvironment_ReadsAllThree()
    {
        var variables = new Dictionary<string, string> { ["IOBENCH_SERVER_GC"] = "1", ["IOBENCH_PROCESSOR_COUNT"] = "4", ["IOBENCH_MIN_WORKER_THREADS"] = "64" };

        var settings = SuiteSettings.FromEnvironment(variables.GetValueOrDefault);

        Assert.Equal((true, 4, 64), (settings.ServerGc, settings.ProcessorCount, settings.MinWorkerThreads));
    }

    [Fact]
    public void ToEnvironment_RoundTripsToTheChildren_AndUnsetStaysUnset()
    {
        var given = Parse("--server-gc", "--processor-count", "3", "--min-worker-threads", "40").ToEnvironment();
        var unset = new SuiteSettings().ToEnvironment();

        var child = SuiteSettings.FromEnvironment(given.GetValueOrDefault);
        var defaultChild = SuiteSettings.FromEnvironment(unset.GetValueOrDefault);

        Assert.Equal((true, 3, 40), (child.ServerGc, child.ProcessorCount, child.MinWorkerThreads));
        Assert.Equal((false, null, null), (defaultChild.ServerGc, defaultChild.ProcessorCount, defaultChild.MinWorkerThreads));
    }

    [Fact]
    public void ToDisplayEnvironment_ShowsTheDefaultsAsValues()
    {
        var display = new SuiteSettings().ToDisplayEnvironment();

        Assert.Equal("0", display["IOBENCH_SERVER_GC"]);
        Assert.Equal(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), display["IOBENCH_PROCESSOR_COUNT"]);
        Assert.Equal("default", display["IOBENCH_MIN_WORKER_THREADS"]);
    }

    [Theory]
    [InlineData("--processor-count", "0", "--processor-count must be a positive whole number, got '0'.")]
    [InlineData("--processor-count", "two", "--processor-count must be a positive whole number, got 'two'.")]
    [InlineData("--processor-count", "32768", "--processor-count allows at most 32,767 (the pool counts threads in 16 bits), got '32768'.")]
    [InlineData("--min-worker-threads", "-4", "--min-worker-threads must be a positive whole number, got '-4'.")]
    [InlineData("--min-worker-threads", "0x28", "--min-worker-threads must be a positive whole number, got '0x28'.")]
    [InlineData("--min-worker-threads", "40000", "--min-worker-threads allows at most 32,767 (the pool counts threads in 16 bits), got '40000'.")]
    [InlineData("--server-gc", "maybe", "--server-gc is a flag: use 1 or 0, got 'maybe'.")]
    public void WithCommandLine_BadValue_ThrowsOneLineNamingIt(string option, string value, string expected) =>
        Assert.Equal(expected, Assert.Throws<SettingsException>(() => Parse($"{option}={value}")).Message);

    [Fact]
    public void WithCommandLine_CeilingItself_IsAccepted() =>
        Assert.Equal((32_767, 32_767), (Parse("--processor-count", "32767").ProcessorCount, Parse("--min-worker-threads", "32767").MinWorkerThreads));

    [Fact]
    public void WithCommandLine_ServerGcOnOneProcessor_IsRefused()
    {
        // Measured: DOTNET_PROCESSOR_COUNT=1 with Server GC ran workstation GC on .NET 8 and 10.
        var error = Assert.Throws<SettingsException>(() => Parse("--server-gc", "--processor-count", "1"));

        Assert.Equal("--server-gc needs more than one processor: with --processor-count 1 the runtime runs workstation GC whatever is asked.", error.Message);
        Assert.True(Parse("--server-gc", "--processor-count", "2").ServerGc);
    }

    [Fact]
    public void WithCommandLine_StarvationLabWithAForcedMinimum_IsRefused()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--starvation", "--min-worker-threads", "8"));

        Assert.StartsWith("--starvation compares the pool's default minimum with N; --min-worker-threads 8 holds it at 8", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        // The lab on another processor count (hence another default minimum) is a question of its own, and runs.
        Assert.Equal(4, Parse("--starvation", "--processor-count", "4", "--server-gc").ProcessorCount);
    }

    [Fact]
    public void RuntimeKnobs_MinimumIsWrittenInTheRuntimesHexadecimal() =>
        Assert.Equal(("0x28", "0x7FFF"), (RuntimeKnobs.Hex(40), RuntimeKnobs.Hex(SuiteSettings.MaxThreads)));

    [Fact]
    public void RuntimeKnobs_RemoveFrom_TakesOutBothSpellingsOnly()
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_PROCESSOR_COUNT"] = "3",
            ["COMPlus_PROCESSOR_COUNT"] = "3",
            ["DOTNET_ThreadPool_ForceMinWorkerThreads"] = "0x28",
            ["COMPlus_ThreadPool_ForceMinWorkerThreads"] = "0x28",
            ["DOTNET_gcServer"] = "1",
            ["PATH"] = "/bin",
        };

        RuntimeKnobs.RemoveFrom(environment);

        Assert.Equal(["DOTNET_gcServer", "PATH"], environment.Keys.Order(StringComparer.Ordinal));
    }
}
