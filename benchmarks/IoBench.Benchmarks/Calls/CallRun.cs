using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
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
    /// <summary>How long the probe samples each form after one warm call (a slow call takes at least 3 calls a form).</summary>
    private static readonly TimeSpan SampleTime = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// The probe: one call, then L; a call that fails is a <see cref="CallProbeException"/>, one that takes more than half
    /// the batch deadline a <see cref="SettingsException"/>. Returns the plan's L (no N cut yet).
    /// </summary>
    public static CallPlan Probe(SuiteSettings settings)
    {
        var latency = ProbeAsync(settings).GetAwaiter().GetResult();
        if (latency * 2 > settings.BatchTimeout)
        {
            throw new SettingsException(string.Create(CultureInfo.InvariantCulture,
                $"{settings.CallDisplay} takes {latency.TotalSeconds:0.0} s a call (median of the probe's): more than half of --batch-timeout-s {settings.BatchTimeoutSeconds}, so a batch could not finish within its deadline."));
        }

        return new CallPlan(latency, TimeCapSeconds: settings.TimeCapSeconds);
    }

    /// <summary>
    /// Plans the probed call's run (<see cref="Plan"/>) and starts its time cap's clock; returns the settings with the plan.
    /// Its settings must be the exported ones: the families read them.
    /// </summary>
    public static SuiteSettings Prepare(SuiteSettings settings, RuntimeChoice? runtimes, Stopwatch run)
    {
        var plan = Plan(settings, runtimes, run.Elapsed);
        TimeCapClock.Current = new TimeCapClock(settings.TimeCap, run.Elapsed, Estimator(settings with { CallPlan = plan }));
        TimeCapClock.Current.ExportDeadline();
        return settings with { CallPlan = plan };
    }

    /// <summary>
    /// One probe call (the workload's setup makes it and throws <see cref="CallProbeException"/> when it fails), then L:
    /// the slower form's median over at least 3 calls a form, about half a second of them, after one warm call a form.
    /// </summary>
    public static async Task<TimeSpan> ProbeAsync(SuiteSettings settings)
    {
        await using var workload = Workload(settings);
        using (var deadline = new CancellationTokenSource(settings.BatchTimeout))
        {
            try
            {
                await workload.SetupAsync(deadline.Token);
            }
            catch (OperationCanceledException e) when (deadline.IsCancellationRequested)
            {
                // The setup's own deadline, as in every benchmark process: its probe call and warm calls took longer.
                throw new CallProbeException(string.Create(CultureInfo.InvariantCulture,
                    $"{settings.CallDisplay}: its first calls did not end within --batch-timeout-s {settings.BatchTimeoutSeconds}, the deadline of a case's setup."), e);
            }
        }

        try
        {
            var medians = new List<TimeSpan>();
            foreach (var form in Enum.GetValues<WorkloadForm>())
            {
                // One warm call (connections, the form's first JIT), then at least 3 more, for about half a second.
                await LatencySampler.RunOnceAsync(workload, form);
                medians.Add(new LatencyProfile(form, await LatencySampler.SampleAsync(workload, form, 3, SampleTime, 50)).L);
            }

            return medians.Max();
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
            ? $"every strategy up to N = {largest}, the async ones up to {(plan.LargestAsyncN is { } async ? $"N = {async}" : "every N")} fit --time-cap-s {plan.TimeCapSeconds}"
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
    /// The largest N the time cap leaves, from every planned case's estimated time (<see cref="CaseTimeEstimate"/>) after the
    /// build: the async strategies keep the whole ladder if they can, every strategy the largest N that then fits; when the
    /// async ones alone do not fit, every strategy keeps the smallest N and the async ones the largest that fits. A cap that
    /// not even the smallest N fits is refused.
    /// </summary>
    public static CallPlan Plan(SuiteSettings settings, RuntimeChoice? runtimes, TimeSpan elapsed)
    {
        var plan = settings.CallPlan!;
        var config = SuiteConfig.Create(settings, runtimes: runtimes);
        var estimate = Estimator(settings);
        var cases = Families(settings).SelectMany(type => BenchmarkConverter.TypeToBenchmarks(type, config).BenchmarksCases)
            .Select(c => BatchCase.From(c) is { } b ? (b.N, Async: CallPlan.IsAsyncRow(b.Strategy, b.K), Time: estimate(c)) : (N: 0, Async: false, Time: estimate(c)))
            .ToList<(int N, bool Async, TimeSpan Time)>();
        var builds = CaseTimeEstimate.Build * Math.Max(1, runtimes?.Frameworks.Count ?? 1);
        return Choose(plan, cases, elapsed + builds + TimeCapClock.ReportTime, settings.TimeCap);
    }

    /// <summary>
    /// The cut of <see cref="Plan"/> over estimated cases (N, async row, time) after <paramref name="fixedTime"/>: the async
    /// rows keep every N if they can and every row the largest N that then fits; else every row the smallest N and the async
    /// rows the largest N that fits. Null N when nothing is cut; a cap not even the smallest N fits is a <see cref="SettingsException"/>.
    /// </summary>
    public static CallPlan Choose(CallPlan plan, IReadOnlyList<(int N, bool Async, TimeSpan Time)> cases, TimeSpan fixedTime, TimeSpan cap)
    {
        var ns = cases.Select(c => c.N).Distinct().Order().ToList();
        if (ns.Count == 0)
        {
            return plan with { Estimated = fixedTime };
        }

        TimeSpan Cost(int all, int async) => fixedTime + TimeSpan.FromTicks(cases.Where(c => c.N <= all || (c.Async && c.N <= async)).Sum(c => c.Time.Ticks));
        var (smallest, largest) = (ns[0], ns[^1]);
        if (Cost(smallest, smallest) > cap)
        {
            throw new SettingsException(string.Create(CultureInfo.InvariantCulture,
                $"--time-cap-s {cap.TotalSeconds:0} is too short for this call: the build and N = {smallest} alone are estimated at {Cost(smallest, smallest).TotalSeconds:0} s (L = {plan.Latency.TotalMilliseconds:0.###} ms)."));
        }

        if (Cost(smallest, largest) <= cap)
        {
            var all = ns.Last(n => Cost(n, largest) <= cap);
            return plan with { LargestN = all == largest ? null : all, Estimated = Cost(all, largest) };
        }

        var async = ns.Last(n => Cost(smallest, n) <= cap);
        return plan with { LargestN = smallest, LargestAsyncN = async, Estimated = Cost(smallest, async) };
    }

    private static Func<BenchmarkCase, TimeSpan> Estimator(SuiteSettings settings)
    {
        var filter = new CellPlanFilter(settings);
        return c => CaseTimeEstimate.Of(c, settings, settings.CallPlan!.Latency, filter.TraitsOf(c));
    }
}
