using IoBench.Core.Settings;

namespace IoBench.Tests.Benchmarks.Host;

/// <summary>
/// --help lists the suite's own options above BenchmarkDotNet's, one line each, from the list that parses them, and exits
/// 0 having run nothing (the README's exit codes: 0 ran, 1 a case failed, 2 bad input). The defect it catches: a --help
/// that listed BenchmarkDotNet's 60-odd options and none of the suite's (--ops, --strategies, --latency-ms, --quick, ...).
/// </summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_ListsEverySuiteOption_AboveBenchmarkDotNets_AndReturns0()
    {
        var (exitCode, output) = await BenchmarkApp.RunAsync("--help");
        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var suite = lines.FindIndex(l => l.StartsWith("The suite's own options", StringComparison.Ordinal));
        // BenchmarkDotNet's usage (CommandLineParser's) starts with its USAGE: examples, then lists its options.
        var benchmarkDotNet = lines.FindIndex(l => l.StartsWith("USAGE:", StringComparison.Ordinal));
        Assert.True(suite >= 0 && benchmarkDotNet > suite, $"the suite's options (line {suite}) not above BenchmarkDotNet's usage (line {benchmarkDotNet}):\n{output}");
        Assert.Contains(lines.Skip(benchmarkDotNet), l => l.Contains("--filter", StringComparison.Ordinal));

        foreach (var name in SuiteSettings.OptionNames.Append("--runtimes"))
        {
            var line = Assert.Single(lines.Take(benchmarkDotNet), l => l.StartsWith($"  {name} ", StringComparison.Ordinal));
            Assert.True(line.Length > name.Length + 20, $"no description: {line}");
        }

        Assert.DoesNotContain("// ***** BenchmarkRunner", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionHelp_EveryOption_HasOneLineOfHelpAndItsVariable()
    {
        var help = SuiteSettings.OptionHelp.ToList();
        Assert.Equal(SuiteSettings.OptionNames, help.Select(h => h.Usage.Split(' ')[0]));
        Assert.All(help, h =>
        {
            Assert.False(string.IsNullOrWhiteSpace(h.Help), $"{h.Usage} has no help");
            Assert.DoesNotContain('\n', h.Help);
            Assert.StartsWith("IOBENCH_", h.Variable, StringComparison.Ordinal);
        });
    }
}
