namespace IoBench.Compare;

/// <summary>
/// The command: compare two saved runs, or the runtimes of one comparison run, and print the markdown. Exit codes: 0 compared (even when cases disagree),
/// 1 agreement below --fail-below, 2 bad input with one line on stderr ("iobench-compare: error: ...").
/// </summary>
public static class CompareCommand
{
    public const int Compared = 0;
    public const int AgreementBelowMinimum = 1;
    public const int BadInput = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            if (CompareOptions.Parse(args) is not { } options)
            {
                output.WriteLine(CompareOptions.Usage);
                return Compared;
            }

            if (options.B is null)
            {
                var runtimes = new RuntimeComparison(RunResults.Load(options.A), options.Baseline, options.Threshold, options.Alpha);
                Write(RuntimeComparisonReport.Render(runtimes), options, output);
                return Compared;
            }

            var comparison = new RunComparison(RunResults.Load(options.A).AsOneRuntime(), RunResults.Load(options.B).AsOneRuntime(), options.Threshold, options.Alpha);
            Write(ComparisonReport.Render(comparison), options, output);

            if (options.FailBelowPercent is { } minimum && comparison.AgreePercent < minimum)
            {
                error.WriteLine($"iobench-compare: {comparison.AgreePercent:0.#}% of matched cases agree, below --fail-below {minimum}%");
                return AgreementBelowMinimum;
            }

            return Compared;
        }
        catch (CompareInputException e)
        {
            error.WriteLine($"iobench-compare: error: {e.Message}");
            return BadInput;
        }
    }

    private static void Write(string markdown, CompareOptions options, TextWriter output)
    {
        if (options.OutFile is { } outFile)
        {
            WriteAtomically(outFile, markdown);
        }

        output.Write(markdown);
    }

    /// <summary>A reader of FILE sees the old report or the whole new one, never half of it.</summary>
    private static void WriteAtomically(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CompareInputException($"cannot write {path} ({e.Message})", e);
        }
    }
}
