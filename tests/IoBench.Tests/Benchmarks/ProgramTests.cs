using IoBench.Benchmarks;

namespace IoBench.Tests.Benchmarks;

/// <summary>Bad input: one line on stderr, exit code 2, nothing run.</summary>
public sealed class ProgramTests
{
    [Theory]
    [InlineData("--latency-ms", "0")]
    [InlineData("--latency-ms", "-3")]
    [InlineData("--ops", "ten")]
    [InlineData("--strategies", "Sometimes")]
    [InlineData("--latency-ms", "70000")]
    [InlineData("--ops", "99999999")]
    [InlineData("--ops", "1,,10")]
    [InlineData("--strategies", "Task,,Thread")]
    public void Main_InvalidSuiteOption_PrintsOneLineAndReturns2(string option, string value) =>
        Assert.StartsWith("iobench: error: ", MainFailsInOneLine(option, value), StringComparison.Ordinal);

    /// <summary>Runs the host with these arguments, asserts exit code 2 and a single line on stderr, and returns the line.</summary>
    internal static string MainFailsInOneLine(params string[] args)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, Program.Main(args));
        }
        finally
        {
            Console.SetError(original);
        }

        return Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Main_ArtifactsIntoAPublishedRun_PrintsOneLineAndReturns2()
    {
        // The test runs inside the repository, whose results/ holds at least one published run.
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "Benchmarks.sln")))
        {
            repository = repository.Parent!;
        }

        var published = Directory.EnumerateDirectories(Path.Combine(repository.FullName, "results")).First();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            // --list flat and a filter that matches nothing: should the check ever fail, nothing runs or is written.
            Assert.Equal(2, Program.Main(["--artifacts", published, "--list", "flat", "--filter", "NoSuchBenchmark"]));
        }
        finally
        {
            Console.SetError(original);
        }

        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("iobench: error: --artifacts ", line, StringComparison.Ordinal);
    }
}
