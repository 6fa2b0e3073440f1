using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Settings;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks.Calls;

/// <summary>
/// The host's part of a run of a user's own call (--http-call, --sql-call), before BenchmarkDotNet starts: one probe call
/// (a failure is a <see cref="CallProbeException"/>: one line, exit code 2, nothing run), the call's L measured from a few
/// calls in each form, and the plan's largest N under the run's time cap, from every planned case's estimated time.
/// </summary>
public static class CallRun
{
    /// <summary>The most the probe spends sampling L after its warm-up (a slow call takes at least 3 calls a form).</summary>
    private static readonly TimeSpan SampleBudget = TimeSpan.FromSeconds(1);

    /// <summary>Probes the call and plans the run; returns the settings with <see cref="SuiteSettings.CallPlan"/>.</summary>
    public static SuiteSettings Prepare(SuiteSettings settings, RuntimeChoice? runtimes, Stopwatch run)
    {
        var latency = ProbeAsync(settings).GetAwaiter().GetResult();
        if (latency * 2 > settings.BatchTimeout)
        {
            throw new SettingsException(string.Create(CultureInfo.InvariantCulture,
                $"{settings.CallDisplay} takes {latency.TotalSeconds:0.0} s a call (median of the probe's): more than half of --batch-timeout-s {settings.BatchTimeoutSeconds}, so a batch could not finish within its deadline."));
        }

        var planned = settings with { CallPlan = new CallPlan(latency, TimeCapSeconds: settings.TimeCapSeconds) };
        var plan = Plan(planned, runtimes, run.Elapsed);
        TimeCapClock.Current = new TimeCapClock(settings.TimeCap, run.Elapsed, Estimator(planned with { CallPlan = plan }));
        return settings with { CallPlan = plan };
    }

    /// <summary>
    /// One probe call (the workload's setup makes it and throws <see cref="CallProbeException"/> when it fails), then L:
    /// the slower form's median over a few calls a form, after a short warm-up.
    /// </summary>
    public static async Task<TimeSpan> ProbeAsync(SuiteSettings settings)
    {
        await using var workload = Workload(settings);
        using (var deadline = new CancellationTokenSource(settings.BatchTimeout))
        {
            await workload.SetupAsync(deadline.Token);
        }

        try
        {
            var profiles = await LatencySampler.MeasureAsync(workload, SampleBudget, minSamples: 3, maxSamples: 50);
            return profiles.Max(p => p.L);
        }
        catch (Exception e) when (e is not CallProbeException)
        {
            // The first call answered, a later one did not (or not in the other form): the target is not usable as it is.
            throw new CallProbeException($"{settings.CallDisplay}: the first call answered, the next ones failed: {BatchBenchmarks.FailureReason(e)}", e);
        }
    }

    /// <summary>The plan in one console line: the call (masked), its L, and what the time cap leaves.</summary>
    public static string Describe(SuiteSettings settings)
    {
        var plan = settings.CallPlan!;
        var cap = plan.LargestN is { } largest
            ? $"N up to {largest} fits --time-cap-s {plan.TimeCapSeconds}"
            : $"every planned N fits --time-cap-s {plan.TimeCapSeconds}";
        return string.Create(CultureInfo.InvariantCulture,
            $"iobench: {settings.CallDisplay}: L = {plan.Latency.TotalMilliseconds:0.###} ms (probe); {cap} (estimated {plan.Estimated?.TotalSeconds ?? 0:0} s)");
    }

    /// <summary>The call's workload as the probe makes it: no client limit, one connection.</summary>
    public static IWorkload Workload(SuiteSettings settings) => settings.HttpCall is not null
        ? HttpCallBenchmarks.Workload(settings, ClientConnections.Unlimited, warm: 1)
        : SqlCallBenchmarks.Workload(settings, poolSize: 0);

    /// <summary>The benchmark classes of the run's preset.</summary>
    public static IReadOnlyList<Type> Families(SuiteSettings settings) =>
        [.. typeof(CallRun).Assembly.GetTypes().Where(t => !t.IsAbstract && PresetAttribute.Of(t) is { } preset && preset == settings.Preset)];

    /// <summary>
    /// The largest N whose cases, with every smaller N's, fit the time cap by their estimates (null when all fit); a cap that
    /// not even the smallest N fits is refused.
    /// </summary>
    public static CallPlan Plan(SuiteSettings settings, RuntimeChoice? runtimes, TimeSpan elapsed)
    {
        var plan = settings.CallPlan!;
        var config = SuiteConfig.Create(settings, runtimes: runtimes);
        var cases = Families(settings).SelectMany(type => BenchmarkConverter.TypeToBenchmarks(type, config).BenchmarksCases).ToList();
        var estimate = Estimator(settings);
        var builds = TimeSpan.FromTicks(CaseTimeEstimate.Build.Ticks * Math.Max(1, runtimes?.Frameworks.Count ?? 1));
        var byN = cases.GroupBy(c => (int)c.Parameters[nameof(BatchBenchmarks.N)]).OrderBy(g => g.Key)
            .Select(g => (N: g.Key, Time: TimeSpan.FromTicks(g.Sum(c => estimate(c).Ticks))))
            .ToList();
        var total = elapsed + builds + TimeCapClock.ReportTime;
        int? largest = null;
        foreach (var (n, time) in byN)
        {
            if (total + time > settings.TimeCap)
            {
                if (largest is null)
                {
                    throw new SettingsException(string.Create(CultureInfo.InvariantCulture,
                        $"--time-cap-s {settings.TimeCapSeconds} is too short for this call: the build and N = {n} alone are estimated at {(total + time).TotalSeconds:0} s (L = {plan.Latency.TotalMilliseconds:0.###} ms)."));
                }

                return plan with { LargestN = largest, Estimated = total };
            }

            total += time;
            largest = n;
        }

        return plan with { Estimated = total };
    }

    private static Func<BenchmarkCase, TimeSpan> Estimator(SuiteSettings settings)
    {
        var filter = new CellPlanFilter(settings);
        return c => CaseTimeEstimate.Of(c, settings, settings.CallPlan!.Latency, filter.TraitsOf(c));
    }
}
