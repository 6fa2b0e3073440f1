using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.ConsoleArguments;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Host;

/// <summary>
/// An option neither the suite nor BenchmarkDotNet knows (<c>--opps</c>): one line naming it and the closest known
/// option, exit code 2, nothing run, where BenchmarkDotNet alone would print its whole usage and exit 1. BenchmarkDotNet's
/// names are read from its own <see cref="CommandLineOptions"/> (the [Option] attributes it parses with), so a new
/// BenchmarkDotNet option is known without a list of ours.
/// </summary>
public static class UnknownOption
{
    /// <summary>BenchmarkDotNet's long (--filter) and short (-f) option names, and the parser's own --help and --version.</summary>
    public static IReadOnlySet<string> BenchmarkDotNetNames { get; } = ReadBenchmarkDotNetNames();

    /// <summary>Throws a one-line <see cref="SettingsException"/> for the first argument that looks like an option nobody knows.</summary>
    public static void Check(IEnumerable<string> benchmarkArgs)
    {
        foreach (var arg in benchmarkArgs)
        {
            if (!LooksLikeOption(arg))
            {
                continue;
            }

            var name = arg.Split('=', 2)[0];
            if (!BenchmarkDotNetNames.Contains(name))
            {
                var closest = Known().MinBy(known => Distance(name.TrimStart('-'), known.TrimStart('-')));
                throw new SettingsException($"unknown option '{name}'{(closest is null ? string.Empty : $" (did you mean '{closest}'?)")}; `--help` lists the suite's options and BenchmarkDotNet's");
            }
        }
    }

    /// <summary>An option, not a value: a leading dash, and not a number (a negative value) or the bare "--".</summary>
    private static bool LooksLikeOption(string arg) =>
        arg.Length > 1 && arg[0] == '-' && arg != "--" && !double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static IEnumerable<string> Known() =>
        SuiteSettings.OptionNames.Concat(BenchmarkDotNetNames.Where(n => n.StartsWith("--", StringComparison.Ordinal))).Append("--runtimes");

    private static HashSet<string> ReadBenchmarkDotNetNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "--help", "--version", "-?" };
        foreach (var attribute in typeof(CommandLineOptions).GetProperties().SelectMany(p => p.GetCustomAttributes()).Where(a => a.GetType().Name == "OptionAttribute"))
        {
            if (attribute.GetType().GetProperty("LongName")?.GetValue(attribute) is string { Length: > 0 } longName)
            {
                names.Add("--" + longName);
            }

            if (attribute.GetType().GetProperty("ShortName")?.GetValue(attribute) is string { Length: > 0 } shortName)
            {
                names.Add("-" + shortName);
            }
        }

        return names;
    }

    /// <summary>Edit distance (Levenshtein), case-insensitive: the closest known name to what was typed.</summary>
    private static int Distance(string a, string b)
    {
        (a, b) = (a.ToLowerInvariant(), b.ToLowerInvariant());
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
