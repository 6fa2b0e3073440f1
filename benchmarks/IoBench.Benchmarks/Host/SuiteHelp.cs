using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Host;

/// <summary>
/// The suite's part of --help, printed above BenchmarkDotNet's own usage: each option the suite reads, one line, from
/// the same list that parses them (<see cref="SuiteSettings.OptionHelp"/>), and --runtimes, which the host takes over.
/// </summary>
public static class SuiteHelp
{
    // BenchmarkDotNet's spellings of help (it has no -h: UnknownOption refuses that before this is asked).
    private static readonly string[] HelpOptions = ["--help", "-?"];

    /// <summary>True when the arguments ask for help (BenchmarkDotNet then prints its usage and runs nothing).</summary>
    public static bool Asked(IEnumerable<string> args) => args.Any(a => HelpOptions.Contains(a, StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyList<string> Lines()
    {
        var options = SuiteSettings.OptionHelp
            .Select(o => (o.Usage, Help: $"{o.Help} [{o.Variable}]"))
            .Append((Usage: "--runtimes FW FW...", Help: $"each regime on each runtime, the first the baseline ({string.Join(' ', Runtimes.RuntimeChoice.Supported)}; scripts/compare-runtimes.sh)"))
            .ToList();
        var width = options.Max(o => o.Usage.Length) + 2;
        return
        [
            "IoBench: for N I/O calls of latency L each, does a concurrency strategy take N x L or max(L), and why.",
            "usage: dotnet run -c Release [-- OPTIONS]   (scripts/bench.sh [OPTIONS] starts PostgreSQL first)",
            "The suite's own options (each also read from the environment variable in brackets; the command line wins):",
            .. options.Select(o => $"  {o.Usage.PadRight(width)}{o.Help}"),
            "Exit codes: 0 every case ran, 1 a case failed (its reports are still written), 2 bad input (one line, nothing run).",
            "BenchmarkDotNet's own options follow (--filter, --list flat, --artifacts, --job, ...):",
            string.Empty,
        ];
    }
}
