using System.Globalization;
using IoBench.Core.Statistics;

namespace IoBench.Report.RunCheck;

/// <summary>
/// <c>scripts/check-run.sh [--markdown] LOG_OR_FOLDER...</c> (the report tool's <c>check</c> verb): flags the benchmark
/// processes of a run whose figures do not mean one defined thing (<see cref="RunCheckRule"/>), reading the run's
/// BenchmarkDotNet console log; a folder means its run.log.gz, else its run.log. Prints, per log, a header (the log, how
/// many processes are too short for the trend test), one line per flag and a summary line; with --markdown, the same
/// inside a check-run.md skeleton for a human to explain each flag under. Exit codes: 0 nothing flagged, 1 something
/// flagged, 2 bad input (one line on stderr per input, nothing on stdout).
/// </summary>
public static class RunCheckCommand
{
    public const string Verb = "check";

    private const string Usage = "usage: iobench-report check [--markdown] LOG_OR_FOLDER... (a BenchmarkDotNet console log, plain or .gz, or a result folder holding run.log.gz or run.log)";

    private static readonly string[] LogNames = ["run.log.gz", "run.log"];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        var markdown = args.Contains("--markdown");
        var inputs = args.Where(a => a != "--markdown").ToList();
        if (inputs.Count == 0 || inputs.Any(a => a.StartsWith('-')))
        {
            error.WriteLine(Usage);
            return 2;
        }

        // Every log is read before anything is written: bad input writes one line per input and nothing else.
        var logs = new List<(string Path, IReadOnlyList<LoggedProcess> Processes)>();
        var bad = false;
        foreach (var input in inputs)
        {
            try
            {
                var path = LogOf(input);
                var processes = RunLog.Read(path);
                if (processes.Count == 0)
                {
                    throw new InvalidDataException($"{path} has no benchmark batches (not a BenchmarkDotNet console log?)");
                }

                logs.Add((path, processes));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                error.WriteLine($"iobench-report check: error: {e.Message}");
                bad = true;
            }
        }

        if (bad)
        {
            return 2;
        }

        var flagged = false;
        foreach (var (path, processes) in logs)
        {
            var lines = Check(path, processes);
            flagged |= lines.Flagged;
            if (markdown)
            {
                WriteMarkdown(output, path, lines.Text);
            }
            else
            {
                lines.Text.ForEach(output.WriteLine);
            }
        }

        return flagged ? 1 : 0;
    }

    private static (List<string> Text, bool Flagged) Check(string path, IReadOnlyList<LoggedProcess> processes)
    {
        var fewest = RunCheckRule.FewestTestableBatches;
        var tooShort = processes.Count(p => p.Measured.Count < fewest);
        var flags = processes.SelectMany(RunCheckRule.Check).ToList();
        var cases = processes.Select(p => p.Case).Distinct().Count();
        var tested = processes.Count - tooShort;
        var text = new List<string>
        {
            $"check of {path}",
            string.Create(CultureInfo.InvariantCulture,
                $"{tooShort} of {processes.Count} processes have fewer than {fewest} measured batches: the trend test cannot reach p < {MannKendallTest.DefaultAlpha} there (a strictly monotone series of {fewest - 1} has p = {RunCheckRule.SmallestPValue(fewest - 1):0.###}), so only their first batch is checked"),

            // The error rate is per process: over many, some flags are chance, and the reader should know how many.
            string.Create(CultureInfo.InvariantCulture,
                $"{tested} processes tested for a trend: with no trend in any, alpha {MannKendallTest.DefaultAlpha} would flag about {tested * MannKendallTest.DefaultAlpha:0.#} of them by chance (fewer where the span floor of {RunCheckRule.TrendRatio}x is not reached)"),
        };
        text.AddRange(flags.Select(f => f.Text));
        text.Add(string.Create(CultureInfo.InvariantCulture,
            $"{cases} cases ({processes.Count} processes) read, {flags.Count} flagged; trend test: two-sided Mann-Kendall, alpha {MannKendallTest.DefaultAlpha}, span >= {RunCheckRule.TrendRatio}x"));
        return (text, flags.Count > 0);
    }

    private static void WriteMarkdown(TextWriter output, string path, List<string> text)
    {
        output.WriteLine("# What scripts/check-run.sh flags in this run, and why");
        output.WriteLine();
        output.WriteLine($"Made by `scripts/check-run.sh {path}`: {RunCheckRule.Sentence}");
        output.WriteLine();
        output.WriteLine("```text");
        text.ForEach(output.WriteLine);
        output.WriteLine("```");
        output.WriteLine();
        output.WriteLine("<!-- Under each flag: what made it (from the log's IoBench lines, the load, the case's design) and whether the case's figure still means what the report says. -->");
    }

    private static string LogOf(string input)
    {
        if (File.Exists(input))
        {
            return input;
        }

        if (Directory.Exists(input))
        {
            return LogNames.Select(n => Path.Combine(input, n)).FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"{input} holds neither {string.Join(" nor ", LogNames)}");
        }

        throw new FileNotFoundException($"{input} does not exist");
    }
}
