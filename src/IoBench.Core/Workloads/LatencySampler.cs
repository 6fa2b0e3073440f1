using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Core.Workloads;

/// <summary>
/// Measures L: one operation after another in a warmed process, each timed on its own, in both forms of a workload.
/// Taking many operations (not one batch of one, cold) is what makes L right for short operations, whose first call
/// pays for JIT and whose single-call batch pays the harness's fixed cost. The forms take turns in runs of
/// <see cref="Run"/> operations: back to back in one form, as a Sequential batch makes them (alternating every
/// operation made HTTP's and PostgreSQL's calls slower than any batch of one form), while a device whose latency drifts
/// (a disk's fsync) still drifts under both alike.
/// </summary>
public static class LatencySampler
{
    /// <summary>Operations of one form in a row before the other form takes its turn.</summary>
    public const int Run = 10;

    /// <summary>
    /// Samples up to <paramref name="maxSamples"/> operations of each form, at least <paramref name="minSamples"/>,
    /// within about <paramref name="budget"/> for both.
    /// </summary>
    public static async Task<IReadOnlyList<LatencyProfile>> MeasureAsync(IWorkload workload, TimeSpan budget, int minSamples = 10, int maxSamples = 200)
    {
        var forms = Enum.GetValues<WorkloadForm>();

        // Warm-up: connections, caches, and the JIT's tiering of both forms' paths and of this loop.
        await TieredWarmup.RunAsync(
            async () =>
            {
                foreach (var form in forms)
                {
                    await RunOnceAsync(workload, form).ConfigureAwait(false);
                }
            },
            budget / 2).ConfigureAwait(false);

        var samples = forms.ToDictionary(form => form, _ => new List<double>(maxSamples));
        var deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        for (var taken = 0; taken < maxSamples && (taken < minSamples || Stopwatch.GetTimestamp() < deadline); taken += Run)
        {
            foreach (var form in forms)
            {
                for (var i = 0; i < Run; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await RunOnceAsync(workload, form).ConfigureAwait(false);
                    samples[form].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        return [.. forms.Select(form => new LatencyProfile(form, samples[form]))];
    }

    /// <summary>
    /// L around one batch: at least <paramref name="min"/> operations of one form one after another, more until
    /// <paramref name="target"/> has passed, at most <paramref name="max"/>; each timed on its own.
    /// </summary>
    public static async Task<double[]> SampleAsync(IWorkload workload, WorkloadForm form, int min, TimeSpan target, int max)
    {
        var samples = new List<double>(max);
        var started = Stopwatch.GetTimestamp();
        while (samples.Count < max && (samples.Count < min || Stopwatch.GetElapsedTime(started) < target))
        {
            var begun = Stopwatch.GetTimestamp();
            await RunOnceAsync(workload, form).ConfigureAwait(false);
            samples.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
        }

        return [.. samples];
    }

    /// <summary>One operation of <paramref name="form"/>, as the strategies call it.</summary>
    public static async ValueTask RunOnceAsync(IWorkload workload, WorkloadForm form)
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
