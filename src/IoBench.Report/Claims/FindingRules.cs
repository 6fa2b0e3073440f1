using System.Globalization;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Report.Claims;

/// <summary>
/// Findings beyond the ten claims: traps a reader meets in .NET itself, each judged like a claim by a stated rule from the
/// run's data file (the same verdicts, the same "not decided on this run" where the cells cannot decide). Numbered F1, F2...
/// </summary>
internal static class FindingRules
{
    public static IReadOnlyList<Claim> Evaluate(RunData run)
    {
        var q = new RunQuery(run);
        Func<RunQuery, Claim>[] rules = [DefaultDegree];
        return [.. rules.Select(rule => ClaimRules.Supported(q, rule(q), q.TakeRead()))];
    }

    /// <summary>
    /// F1 (issue 21): Parallel.ForEachAsync's default degree of parallelism is the processor count, a default made for
    /// computation: N calls that wait run in waves of the cores, ceil(N/cores)×L, where Task.WhenAll takes max(L), and
    /// MaxDegreeOfParallelism = N removes the waves. The default row is judged against the waves, the unbounded row against
    /// max(L); Task's cell is shown beside as what the default costs.
    /// </summary>
    private static Claim DefaultDegree(RunQuery q)
    {
        const string statement = "Parallel.ForEachAsync's default degree of parallelism is the processor count: N waiting calls take ceil(N/cores)×L, not max(L).";
        const string rule = "Sleep ParallelForEachAsync (default ParallelOptions) at the largest N it ran above the cores: Mean/(ceil(N/cores)×L) within 10% of 1, and ParallelForEachAsyncUnbounded (MaxDegreeOfParallelism = N) at the same N at most 1.1 × max(L): holds; within 30% and at most 1.5 × max(L), or the unbounded row not run: holds with a caveat; otherwise does not hold in .NET. Task at the same N is shown, not judged.";
        const string why = "Parallel.ForEachAsync starts Environment.ProcessorCount workers unless told otherwise, and each worker awaits its call before it takes the next item: waits that could all overlap run a core's worth at a time. The default suits computation; for I/O set MaxDegreeOfParallelism to the overlap wanted (or use Task.WhenAll).";
        var cores = q.Run.Environment.Cores;
        var parallel = q.Cases("Sleep")
            .Where(c => c is { Regime: "Steady", Success: true, K: 0, MeanMs: not null, Strategy: nameof(StrategyKind.ParallelForEachAsync) } && c.N > cores)
            .MaxBy(c => c.N);
        if (parallel is null)
        {
            return new(1, statement, "Sleep ParallelForEachAsync", "-", Claim.NotMeasured, rule, F($"The cell did not run above the cores ({cores}), where the default degree's waves would show."));
        }

        parallel = q.Steady("Sleep", nameof(StrategyKind.ParallelForEachAsync), parallel.N)!;
        var n = parallel.N;
        var l = q.L(parallel);
        var waves = Bounds.AtBest(StrategyKind.ParallelForEachAsync, n, 0, cores, l);
        var d = parallel.MeanMs!.Value / waves.TotalMilliseconds;
        var figures = F($"ParallelForEachAsync N = {n}: {Ms(parallel)} = {d:0.00} × ceil(N/{cores})×L ({q.Factor(parallel):0.0} × max(L))");
        var unbounded = q.Steady("Sleep", nameof(StrategyKind.ParallelForEachAsyncUnbounded), n);
        var u = unbounded is null ? (double?)null : q.Factor(unbounded);
        figures += unbounded is null ? "; ParallelForEachAsyncUnbounded not run at this N" : F($"; ParallelForEachAsyncUnbounded {Ms(unbounded)} = {u:0.00} × max(L)");
        if (q.Steady("Sleep", nameof(StrategyKind.Task), n) is { } task)
        {
            figures += F($"; Task {Ms(task)}: the default degree took {parallel.MeanMs.Value / task.MeanMs!.Value:0.0} × Task's time");
        }

        var verdict = Math.Abs(d - 1) <= 0.1 && u <= 1.1 ? Claim.Holds
            : Math.Abs(d - 1) <= 0.3 && (u is null || u <= 1.5) ? Claim.HoldsWithCaveat
            : Claim.DoesNotHold;
        var cells = F($"Sleep ParallelForEachAsync, ParallelForEachAsyncUnbounded, Task N = {n}");
        return new(1, statement, cells, figures, verdict, rule, (unbounded is null && verdict == Claim.HoldsWithCaveat ? "Caveat: the unbounded row did not run, so nothing showed the degree to be the cause. " : string.Empty) + why);
    }

    private static string Ms(CaseData c) => MarkdownReport.Milliseconds(ReportFamily.Milliseconds(c.MeanMs!.Value));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
