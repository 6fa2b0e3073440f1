using System.Globalization;

namespace IoBench.Compare;

/// <summary>
/// Whether a steady pool cell (its time depends on the thread pool's history) is judged across two sides: only when both
/// began measuring in the same pool state. Either both sides' processes had the same minimum of worker threads, at least
/// N (the pool was brought to N the same way, not grown by the warm-up), or every process on both sides settled its
/// warm-up at the same median pool size. Otherwise the difference is warm-up history, not the runtime: PostgresSleep
/// ThreadPool N = 200 was published 53% slower on .NET 10 when its warm-up stopped at 5 threads and .NET 8's at 8.
/// </summary>
public static class PoolLikeWithLike
{
    /// <summary>Null when the cell is judged; otherwise the reason it is not, naming each side's pool state.</summary>
    public static string? WhyNotJudged(CaseProcesses a, CaseProcesses b, string sideA, string sideB)
    {
        if (a.MinWorkerThreads is { } minimum && b.MinWorkerThreads == minimum && minimum >= a.N)
        {
            return null;
        }

        if (a.Warmups.Count == 0 || b.Warmups.Count == 0)
        {
            var without = a.Warmups.Count == 0 ? sideA : sideB;
            return $"no warm-up recorded on {without}, and the pool minimums ({Minimum(b)} on {sideB}, {Minimum(a)} on {sideA}) are not both at least N = {a.N}";
        }

        var unsettled = new[] { (Side: sideB, Case: b), (Side: sideA, Case: a) }.Where(s => s.Case.Warmups.Any(w => !w.Settled)).ToList();
        if (unsettled.Count > 0)
        {
            return $"the pool did not settle in every process ({string.Join(", ", unsettled.Select(s => $"{s.Case.Warmups.Count(w => w.Settled)} of {s.Case.Warmups.Count} settled on {s.Side}"))})";
        }

        var (startA, startB) = (MedianPoolEnd(a), MedianPoolEnd(b));
        return startA == startB
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"pool began at {startB:0.#} threads on {sideB}, {startA:0.#} on {sideA}");
    }

    private static string Minimum(CaseProcesses c) => c.MinWorkerThreads?.ToString(CultureInfo.InvariantCulture) ?? "not recorded";

    private static double MedianPoolEnd(CaseProcesses c)
    {
        var sorted = c.Warmups.Select(w => (double)w.PoolEnd).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
