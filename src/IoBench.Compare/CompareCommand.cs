namespace IoBench.Compare;

/// <summary>
/// The command: compare two saved runs, or the runtimes of one comparison run, and print the markdown (with --out, also to
/// a file with a JSON summary beside it). Exit codes: 0 compared (even when cases differ), 1 agreement below --fail-below
/// or a case slower beyond the threshold with --fail-on-slower, 2 bad input with one line on stderr
/// ("iobench-compare: error: ..."): runs whose settings differ, or a run without its data file, are bad input unless
/// --allow-different-settings.
/// </summary>
public static class CompareCommand
{
    public const int Compared = 0;
    public const int AgreementBelowMinimum = 1;
    public const int SlowerFound = 1;
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
                var runtimes = new RuntimeComparison(RunResults.Load(options.A), options.Baseline, options.Rule);
                Write(RuntimeComparisonReport.Render(runtimes), () => ComparisonSummary.Json(runtimes), options, output);
                return options.FailOnSlower ? Gate([.. runtimes.Others.SelectMany(o => o.Cases)], options, error) : Compared;
            }

            var (a, b) = (RunResults.Load(options.A).AsOneRuntime(), RunResults.Load(options.B).AsOneRuntime());
            CheckSettings(a, b, options);
            var comparison = new RunComparison(a, b, options.Rule);
            if (ComparisonReport.BenchmarkDotNetWarning(comparison) is { } warning)
            {
                error.WriteLine($"iobench-compare: warning: {warning}");
            }

            Write(ComparisonReport.Render(comparison), () => ComparisonSummary.Json(comparison), options, output);

            if (options.FailBelowPercent is { } minimum && comparison.AgreePercent < minimum)
            {
                error.WriteLine($"iobench-compare: {comparison.AgreePercent:0.#}% of matched cases agree, below --fail-below {minimum}%");
                return AgreementBelowMinimum;
            }

            return options.FailOnSlower ? Gate(comparison.Cases, options, error) : Compared;
        }
        catch (CompareInputException e)
        {
            error.WriteLine($"iobench-compare: error: {e.Message}");
            return BadInput;
        }
    }

    /// <summary>Refuses, in one line, runs whose settings differ or a run whose settings cannot be read, unless allowed.</summary>
    private static void CheckSettings(RunResults a, RunResults b, CompareOptions options)
    {
        if (options.AllowDifferentSettings)
        {
            return;
        }

        foreach (var run in new[] { a, b }.Where(r => r.Settings is null))
        {
            throw new CompareInputException(
                $"{DisplayPath.Of(run.Source)} has no {CaseLatencies.DataFile}: its settings cannot be checked (--allow-different-settings compares it anyway)");
        }

        if (RunSettings.Differences(a.Settings!, b.Settings!).Where(d => d.Refuses).ToList() is { Count: > 0 } differences)
        {
            throw new CompareInputException(
                $"{DisplayPath.Of(a.Source)} and {DisplayPath.Of(b.Source)} were run with different settings: {string.Join("; ", differences)} (--allow-different-settings compares them anyway)");
        }
    }

    /// <summary>The CI gate: exit 1 when any case is slower beyond the threshold, naming how many and the largest.</summary>
    private static int Gate(IReadOnlyList<CaseComparison> cases, CompareOptions options, TextWriter error)
    {
        var slower = cases.Where(c => c.Verdict == Verdict.Slower).OrderByDescending(c => c.Ratio).ToList();
        if (slower.Count == 0)
        {
            return Compared;
        }

        error.WriteLine($"iobench-compare: {slower.Count} case{(slower.Count == 1 ? " is" : "s are")} slower beyond {options.Threshold * 100:0.#}% "
            + $"(largest: {slower[0].Key}, ratio {slower[0].Ratio:0.000}), --fail-on-slower");
        return SlowerFound;
    }

    private static void Write(string markdown, Func<string> summary, CompareOptions options, TextWriter output)
    {
        if (options.OutFile is { } outFile)
        {
            WriteAtomically(outFile, markdown);
            WriteAtomically(ComparisonSummary.PathBeside(outFile), summary());
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
