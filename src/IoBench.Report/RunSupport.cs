using System.Globalization;

namespace IoBench.Report;

/// <summary>
/// What a run's data can decide. A verdict, a best strategy or a ranking is printed only where the run's own
/// measurements let it come out otherwise: enough measured batches to see a cell's spread, L measured rather than
/// nominal, and ranges that do not overlap; elsewhere the field says "not decided on this run" and why. A quick run
/// (--quick: IOBENCH_QUICK=1, BenchmarkDotNet's Quick job) decides nothing, and every file made from it says so.
/// </summary>
public static class RunSupport
{
    /// <summary>
    /// Batches a cell needs before a rule reads it: with fewer, the spread of the batches (the uncertainty the run
    /// measures) is not there to compare a difference with. A full run measures 5 steady batches and 3 cold processes.
    /// </summary>
    public const int MinimumBatches = 3;

    public const string NotDecided = "not decided on this run";

    /// <summary>True for a run of the --quick preset, as its data file records it.</summary>
    public static bool IsQuick(RunData run) =>
        run.Environment.Settings.GetValueOrDefault("IOBENCH_QUICK") == "1" || run.Cases.Any(c => c.Job == "Quick");

    /// <summary>The batches a case measured (its iterations; one for a case of an old file that did not list them).</summary>
    public static int Batches(CaseData c) => Math.Max(1, c.IterationsMs.Count);

    /// <summary>The banner of every report and at-a-glance made from a quick run: what was cut, and that verdicts need a full run.</summary>
    public static string Banner(RunData run)
    {
        var ops = run.Environment.Settings.GetValueOrDefault("IOBENCH_OPS") is { Length: > 0 } value ? value.Replace(",", ", ", StringComparison.Ordinal) : "1, 10";
        var batches = run.Cases.Count == 0 ? 1 : run.Cases.Max(Batches);
        // What a full run does, from the one place that decides it (the default suite's settings), not a copy of it.
        var full = new Core.Settings.SuiteSettings();
        return string.Create(CultureInfo.InvariantCulture,
            $"> **Quick run (`--quick`): a smoke test of the whole matrix, not the suite's answer.** It ran N = {ops} only, {batches} batch{(batches == 1 ? string.Empty : "es")} a case in the host's own process (a full run: each steady cell in {full.SteadyProcesses} processes of {full.SteadyIterations} measured batches after the pool settled, {full.ColdLaunches} fresh processes for the cold regime, N up to {full.Ops.Max():N0}), so no L was sampled (a ratio to L would be to the nominal {ReportFamily.NominalOf(run).TotalMilliseconds:0.#} ms), and no batch line was kept (threads, Sync%, allocations, failures). Verdicts, best strategies and rankings need a full run (`scripts/bench.sh`); here each says \"{NotDecided}\" and why.");
    }

    /// <summary>The chart's one-line banner of a quick run (the chart has no room for the report's).</summary>
    public const string ChartBanner = "Quick run (--quick): one batch a case, L not sampled: a smoke test, not a result";

    /// <summary>Why a rule cannot read these cells on this run, or null when it can: too few batches, or L not measured.</summary>
    public static string? WhyNotDecided(IEnumerable<CaseData> cells, bool needsMeasuredL)
    {
        var list = cells.ToList();
        if (list.FirstOrDefault(c => Batches(c) < MinimumBatches) is { } few)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Batches(few)} batch{(Batches(few) == 1 ? string.Empty : "es")} a cell (the rule needs at least {MinimumBatches} to see the spread)");
        }

        return needsMeasuredL && list.Any(c => c.Latency is null) ? "L not measured on this run (a ratio would be to the nominal L)" : null;
    }
}
