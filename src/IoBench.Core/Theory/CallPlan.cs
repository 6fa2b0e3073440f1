using System.Globalization;

namespace IoBench.Core.Theory;

/// <summary>
/// What a run of a user's own call (--http-call, --sql-call) plans with: the call's L as the host's first probe measured
/// it (the call has no nominal L, so the budget rules of <see cref="CellPlan"/> use this one), and the largest N that the
/// run's time cap leaves once every planned case's time is estimated.
/// </summary>
/// <param name="Latency">L of the call, the slower form's median over the probe's samples.</param>
/// <param name="LargestN">The largest N the time cap leaves; null when every planned N fits.</param>
/// <param name="Estimated">The estimated run time of the plan that is kept (build and cases).</param>
/// <param name="TimeCapSeconds">The run's time cap (--time-cap-s).</param>
public sealed record CallPlan(TimeSpan Latency, int? LargestN = null, TimeSpan? Estimated = null, int TimeCapSeconds = 0)
{
    /// <summary>
    /// The N of a call run unless --ops: steps of 1-2-5 from one call to a thousand in flight, fine enough to find where a
    /// strategy leaves max(L) within a factor of 2.5, few enough for a run of minutes.
    /// </summary>
    public static IReadOnlyList<int> Ladder { get; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>Null when N fits the time cap; else the reason, for the report.</summary>
    public string? WhyNotRun(int n) =>
        LargestN is { } largest && n > largest
            ? string.Create(CultureInfo.InvariantCulture, $"over the run's time cap: up to N = {largest} fits --time-cap-s {TimeCapSeconds} (estimated {Estimated?.TotalSeconds ?? 0:0} s)")
            : null;
}
