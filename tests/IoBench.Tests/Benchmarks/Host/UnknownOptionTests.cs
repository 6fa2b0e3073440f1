using IoBench.Benchmarks;
using IoBench.Benchmarks.Host;
using IoBench.Core.Settings;

namespace IoBench.Tests.Benchmarks.Host;

/// <summary>
/// A mistyped option: one line naming it and the closest known option, exit code 2, nothing run. The defect each catches:
/// BenchmarkDotNet's 243-line usage and exit code 1 (the first), and a check that refuses BenchmarkDotNet's own options
/// (the second and third).
/// </summary>
public sealed class UnknownOptionTests
{
    [Theory]
    [InlineData("--opps", "10", "'--opps' (did you mean '--ops'?)")]
    [InlineData("--filtr", "*Sleep*", "'--filtr' (did you mean '--filter'?)")]
    [InlineData("--stratgies", "Task", "'--stratgies' (did you mean '--strategies'?)")]
    [InlineData("--latncy-ms", "50", "'--latncy-ms' (did you mean '--latency-ms'?)")]
    [InlineData("--time-cap", "60", "'--time-cap' (did you mean '--time-cap-s'?)")]
    public void Main_UnknownOption_OneLineNamingItAndTheClosest_Returns2(string option, string value, string expected)
    {
        var line = ProgramTests.MainFailsInOneLine(option, value);
        Assert.StartsWith("iobench: error: unknown option ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        // --help lists the suite's options now (HelpTests): the line sends the user there, not to README.md.
        Assert.EndsWith("`--help` lists the suite's options and BenchmarkDotNet's", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BenchmarkDotNetsOwnOptions_Pass()
    {
        UnknownOption.Check(["--filter", "*Sleep*", "-f", "*X*", "--list", "flat", "--join", "--artifacts", "dir", "--exporters", "json",
            "--envVars", "A:B", "--anyCategories", "Sleep", "--iterationCount", "3", "--affinity", "-1", "--filter=*Y*", "--help"]);
    }

    [Fact]
    public void BenchmarkDotNetNames_AreReadFromItsOwnOptions()
    {
        Assert.Contains("--filter", UnknownOption.BenchmarkDotNetNames);
        Assert.Contains("-f", UnknownOption.BenchmarkDotNetNames);
        Assert.Contains("--runtimes", UnknownOption.BenchmarkDotNetNames);
        Assert.True(UnknownOption.BenchmarkDotNetNames.Count > 60, $"{UnknownOption.BenchmarkDotNetNames.Count} names read");
        Assert.Throws<SettingsException>(() => UnknownOption.Check(["--no-such-option"]));
    }
}
