using BenchmarkDotNet.Reports;

namespace IoBench.Benchmarks.Host;

/// <summary>Turns the summaries of a run into the process exit code (dotnet/performance's summaries.ToExitCode()).</summary>
public static class SuiteOutcome
{
    private static readonly string[] InformationalOptions = ["--list", "--help", "-h", "--version", "--info"];

    /// <summary>0 when every case ran and succeeded; 1 when any failed, failed validation or nothing matched the filter.</summary>
    public static int ExitCode(IReadOnlyList<Summary> summaries, IReadOnlyList<string> args)
    {
        if (summaries.Count == 0)
        {
            // --list and --help print and run nothing on purpose; otherwise an empty run means the filter matched nothing.
            return args.Any(a => InformationalOptions.Contains(a)) ? 0 : 1;
        }

        // A case a call run's time cap cut (not started, or stopped between batches) is not a failure: the report lists it as not run, with the reason.
        var failed = summaries.Any(s => s.HasCriticalValidationErrors
            || s.Reports.Any(r => !r.Success && Calls.TimeCapClock.Current?.Cut(r) is null)
            || s.BenchmarksCases.Length != s.Reports.Length);
        return failed ? 1 : 0;
    }
}
