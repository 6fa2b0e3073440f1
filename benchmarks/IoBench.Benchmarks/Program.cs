using System.Diagnostics;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Calls;
using IoBench.Benchmarks.Exporters;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Settings;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// With no arguments: runs the default suite non-interactively and writes the report. Every BenchmarkDotNet option
/// still works; the suite's own options (--latency-ms, --ops, --limit, --strategies, --quick, ...) are taken out first.
/// Exit codes: 0 all ran, 1 a benchmark failed, 2 bad input (nothing ran).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Not a run: docs/columns.md from the columns' legends (scripts/columns-page.sh), before any setting is read.
        if (args is [Columns.ColumnsPage.Verb, .. var pageArgs])
        {
            return Columns.ColumnsPage.Run(pageArgs, Console.Out, Console.Error);
        }

        // A call run's time cap counts from here (--time-cap-s).
        var run = Stopwatch.StartNew();
        SuiteSettings settings;
        IReadOnlyList<string> benchmarkArgs;
        RuntimeChoice? runtimes = null;
        try
        {
            settings = SuiteSettings.FromEnvironment().WithCommandLine(args, out benchmarkArgs);
            PublishedResults.Check(benchmarkArgs, settings, Directory.GetCurrentDirectory());

            // BenchmarkDotNet's own --runtimes expands one base job; a case here has two (steady and cold), so the suite
            // makes each regime's job per runtime, as BenchmarkDotNet would (Runtimes/RuntimeChoice.cs).
            if (RuntimeChoice.Take(benchmarkArgs, out benchmarkArgs) is { } frameworks)
            {
                if (benchmarkArgs.Any(a => a is "--job" or "-j"))
                {
                    throw new SettingsException("--runtimes makes its own jobs (each regime on each runtime); leave out --job");
                }

                runtimes = RuntimeChoice.Resolve(frameworks);

                // Several runtimes on the whole default matrix would take three times the suite: the comparison's own
                // matrix unless --full-matrix (SuiteSettings.Comparison says what it keeps, and why it iterates more). A user's
                // call runs its own matrix on each runtime.
                if (frameworks.Count >= 2 && !settings.FullMatrix && !settings.IsCall)
                {
                    settings = (settings with { Comparison = true }).Validated();
                }
            }

            // The process settings are set on the suite's jobs, in processes of their own (Runtimes/ProcessSettingsJob.cs).
            if (settings.ProcessOptions is { Count: > 0 } processOptions)
            {
                var named = string.Join(", ", processOptions);
                if (benchmarkArgs.Any(a => a is "--job" or "-j"))
                {
                    throw new SettingsException($"{named} apply to the suite's own jobs; --job makes BenchmarkDotNet's: leave out --job");
                }

                if (settings.Quick && runtimes is null)
                {
                    throw new SettingsException($"{named} take effect when a benchmark process starts; --quick runs in this one: add --runtimes net10.0 (its own processes) or leave out --quick");
                }
            }

            // A mistyped option gets one line naming it, not BenchmarkDotNet's whole usage and exit code 1.
            UnknownOption.Check(benchmarkArgs);

            // BenchmarkDotNet prints its own usage and runs nothing; the suite's options go above it.
            if (SuiteHelp.Asked(benchmarkArgs))
            {
                Console.Out.Write(string.Join(Environment.NewLine, SuiteHelp.Lines()) + Environment.NewLine);
            }

            // A user's call is probed before anything else starts: a call that fails its first probe runs nothing.
            if (settings.IsCall)
            {
                settings = settings with { CallPlan = CallRun.Probe(settings) };
            }
        }
        catch (Exception e) when (e is SettingsException or CallProbeException)
        {
            Console.Error.WriteLine($"iobench: error: {e.Message}");
            return 2;
        }

        // The children BenchmarkDotNet starts inherit this environment, so they rebuild the same settings.
        settings.Export();

        if (settings.IsCall)
        {
            try
            {
                // The families read the exported settings: the plan asks them for their cases (CallRun says how it estimates).
                settings = CallRun.Prepare(settings, runtimes, run);
            }
            catch (SettingsException e)
            {
                Console.Error.WriteLine($"iobench: error: {e.Message}");
                return 2;
            }

            Console.WriteLine(CallRun.Describe(settings));
        }

        // The suite measures allocations and work items around each measured batch itself; BenchmarkDotNet's memory and
        // threading diagnosers (0.15.8 too) run one more batch after the measured ones and report that batch instead.
        benchmarkArgs = [.. benchmarkArgs.Where(a => a is not ("-m" or "--memory" or "-t" or "--threading"))];
        var userChoseJob = benchmarkArgs.Any(a => a is "--job" or "-j");
        var written = new RunPaths();
        var config = SuiteConfig.Create(settings, addJob: !userChoseJob, runtimes, written);

        // The latency server runs on one fixed runtime, this host's, whatever the job's (LatencyServerChoice says why).
        LatencyServerChoice.Export();

        // Calibrated amounts of work are measured once per run and shared by every benchmark process through this file.
        var runState = TemporaryFolder.Create("iobench-run-");
        Environment.SetEnvironmentVariable(CalibrationStore.FileVariable, Path.Combine(runState, "calibration.txt"));
        try
        {
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(WithDefaultFilter(benchmarkArgs), config).ToArray();

            // BenchmarkDotNet's own output ends with its logs and timings: the run ends with where its reports are.
            foreach (var line in RunPaths.Lines(written.Written, Directory.GetCurrentDirectory(), PublishedResults.FindRepository(AppContext.BaseDirectory), runtimes?.Frameworks.Count >= 2))
            {
                Console.WriteLine(line);
            }

            return SuiteOutcome.ExitCode(summaries, benchmarkArgs);
        }
        finally
        {
            TemporaryFolder.Delete(runState);
        }
    }

    /// <summary>Without a --filter BenchmarkDotNet asks which benchmarks to run; the suite runs them all instead.</summary>
    private static string[] WithDefaultFilter(IReadOnlyList<string> args) =>
        args.Any(a => a is "--filter" or "-f") ? [.. args] : [.. args, "--filter", "*"];
}
