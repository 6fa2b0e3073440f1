using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Core.Workloads;

/// <summary>
/// Measures L: one operation after another in a warmed process, each timed on its own, for one form of a workload.
/// Taking many operations (not one batch of one, cold) is what makes L right for short operations, whose first call
/// pays for JIT and whose single-call batch pays the harness's fixed cost.
/// </summary>
public static class LatencySampler
{
    /// <summary>Samples up to <paramref name="maxSamples"/> operations, at least <paramref name="minSamples"/>, within about <paramref name="budget"/>.</summary>
    public static async Task<LatencyProfile> MeasureAsync(IWorkload workload, WorkloadForm form, TimeSpan budget, int minSamples = 10, int maxSamples = 200)
    {
        // Warm-up: JIT and tiering of both the workload's path and this loop, connections, caches.
        var warmUntil = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency / 5);
        for (var i = 0; i < 3 || (i < 50 && Stopwatch.GetTimestamp() < warmUntil); i++)
        {
            await RunOnceAsync(workload, form).ConfigureAwait(false);
        }

        var samples = new List<double>(maxSamples);
        var deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        while (samples.Count < maxSamples && (samples.Count < minSamples || Stopwatch.GetTimestamp() < deadline))
        {
            var started = Stopwatch.GetTimestamp();
            await RunOnceAsync(workload, form).ConfigureAwait(false);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new LatencyProfile(form, samples);
    }

    private static async ValueTask RunOnceAsync(IWorkload workload, WorkloadForm form)
    {
        if (form == WorkloadForm.Blocking)
        {
            workload.Run(CancellationToken.None);
        }
        else
        {
            await workload.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
