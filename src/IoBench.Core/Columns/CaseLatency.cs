using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Core.Columns;

/// <summary>
/// L for the bound columns, measured where the batch runs: <see cref="SampleAsync"/> times the workload's operations one
/// after another in the benchmark's own process and prints them; BenchmarkDotNet keeps that process's output in its
/// report, where <see cref="Of"/> reads them back for the form the case's strategy calls. A nominal L would not do: a
/// timer wakes late (20 ms waits took a median of 20.4-20.6 ms here, more under load), and a device's L is known only by timing it.
/// </summary>
public static class CaseLatency
{
    /// <summary>The legend the bound columns add when their L comes from here.</summary>
    public const string Legend =
        "L is the median of operations timed one after another in the case's own process (CaseLatency.SampleAsync), in the form its strategy calls; - where the case printed none";

    /// <summary>The default time <see cref="SampleAsync"/> spends: half warming up, half timing (at least 10 operations of each form).</summary>
    public static TimeSpan DefaultBudget { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Call once in the benchmark's [GlobalSetup], after the workload's own setup: samples L in both forms (warmed) and
    /// prints each form's sample on stdout, one line apiece. Each process samples its own, so every launch's L is its own.
    /// </summary>
    public static async Task SampleAsync(IWorkload workload, TimeSpan? budget = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        foreach (var profile in await LatencySampler.MeasureAsync(workload, budget ?? DefaultBudget).ConfigureAwait(false))
        {
            Console.WriteLine(profile.ToLine());
        }
    }

    /// <summary>
    /// The L sample a case printed for the form its strategy calls, pooled over its processes; null where it printed none
    /// (no <see cref="SampleAsync"/>, an in-process toolchain, which keeps no output, or a case without a Strategy parameter).
    /// </summary>
    public static LatencyProfile? Of(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (BoundColumn.BatchOf(benchmarkCase) is not { } batch || summary[benchmarkCase] is not { } report)
        {
            return null;
        }

        var form = Strategy.Create(batch.Strategy).Form;
        var samples = report.ExecuteResults
            .SelectMany(result => result.StandardOutput ?? [])
            .Select(LatencyProfile.Parse)
            .Where(profile => profile?.Form == form)
            .SelectMany(profile => profile!.SamplesMs)
            .ToList();
        return samples.Count > 0 ? new LatencyProfile(form, samples) : null;
    }

    /// <summary>L (the median) of <see cref="Of"/>: the default source of the bound columns.</summary>
    public static TimeSpan? MedianOf(Summary summary, BenchmarkCase benchmarkCase) => Of(summary, benchmarkCase)?.L;
}
