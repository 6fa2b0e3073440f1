using System.Globalization;
using IoBench.Core.Strategies;

namespace IoBench.Core.Theory;

/// <summary>
/// What a run of a user's own call (--http-call, --sql-call) plans with: the call's L as the host's first probe measured
/// it (the call has no nominal L, so the budget rules of <see cref="CellPlan"/> use this one), and the largest N that the
/// run's time cap leaves once every planned case's time is estimated. Under the cap the async strategies keep the ladder
/// longest: where the best of them leaves max(L) is the decision's first question; the others stop where the rest fits.
/// </summary>
/// <param name="Latency">L of the call, the slower form's median over the probe's samples.</param>
/// <param name="LargestN">The largest N the time cap leaves every strategy; null when every planned N fits.</param>
/// <param name="LargestAsyncN">The largest N it leaves the <see cref="AsyncStrategies"/>; null when every planned N fits them.</param>
/// <param name="Estimated">The estimated run time of the plan that is kept (build and cases).</param>
/// <param name="TimeCapSeconds">The run's time cap (--time-cap-s).</param>
public sealed record CallPlan(TimeSpan Latency, int? LargestN = null, int? LargestAsyncN = null, TimeSpan? Estimated = null, int TimeCapSeconds = 0)
{
    /// <summary>
    /// The N of a call run unless --ops: steps of 1-2-5 from one call to a thousand in flight, fine enough to find where a
    /// strategy leaves max(L) within a factor of 2.5, few enough for a run of minutes.
    /// </summary>
    public static IReadOnlyList<int> Ladder { get; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>The async strategies with no limit of their own: the candidates for a call's best async strategy.</summary>
    public static IReadOnlyList<StrategyKind> AsyncStrategies { get; } =
        [StrategyKind.Task, StrategyKind.ValueTask, StrategyKind.EventLoop, StrategyKind.Channel, StrategyKind.Bounded];

    /// <summary>True for a row the time cap keeps longest: an async strategy without a K of its own.</summary>
    public static bool IsAsyncRow(StrategyKind kind, int k) => k == 0 && AsyncStrategies.Contains(kind);

    /// <summary>Null when the cell fits the time cap; else the reason, for the report.</summary>
    public string? WhyNotRun(StrategyKind kind, int k, int n)
    {
        var largest = IsAsyncRow(kind, k) ? LargestAsyncN : LargestN;
        if (largest is null || n <= largest)
        {
            return null;
        }

        var async = LargestAsyncN is { } a ? a.ToString(CultureInfo.InvariantCulture) : "every N";
        return string.Create(CultureInfo.InvariantCulture,
            $"over the run's time cap (--time-cap-s {TimeCapSeconds}, estimated {Estimated?.TotalSeconds ?? 0:0} s): every strategy up to N = {LargestN}, the async ones up to {(LargestAsyncN is null ? "every N" : $"N = {async}")}");
    }
}
