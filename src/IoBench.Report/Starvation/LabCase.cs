using System.Globalization;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Report.Starvation;

/// <summary>
/// One case of the starvation lab as its report and charts read it from the data file: strategy, N, the pool's minimum
/// (the MinWorkers parameter: "default" or "N"), the regime, and the pool's timeline through each measured batch.
/// </summary>
internal sealed class LabCase
{
    public const string MinimumParameter = "MinWorkers";

    private LabCase(CaseData data, int defaultMinimum)
    {
        Data = data;
        Minimum = data.MinWorkerThreads ?? (data.Parameters.GetValueOrDefault(MinimumParameter) == "N" ? data.N : defaultMinimum);
        Timelines = [.. (data.PoolTimelines ?? []).Select(PoolTimeline.Parse).OfType<PoolTimeline>()];
    }

    public CaseData Data { get; }

    public string Strategy => Data.Strategy;

    public int N => Data.N;

    public bool Cold => Data.Regime == PoolRegime.Cold;

    public string Regime => Cold ? "cold" : "steady";

    /// <summary>True when the process raised the pool's minimum of worker threads to N.</summary>
    public bool RaisedMinimum => Data.Parameters.GetValueOrDefault(MinimumParameter) == "N";

    /// <summary>"default (2)" or "N (1,000)": the parameter and, where printed, what the process read back.</summary>
    public string MinimumLabel => (RaisedMinimum ? "N" : "default") + (Data.MinWorkerThreads is { } workers ? string.Create(CultureInfo.InvariantCulture, $" ({workers:N0})") : string.Empty);

    public IReadOnlyList<PoolTimeline> Timelines { get; }

    /// <summary>The process's minimum of worker threads: as it printed it, else N or the run's default.</summary>
    public int Minimum { get; }

    /// <summary>What the pool injected beyond the minimum in each batch that made it inject.</summary>
    public IReadOnlyList<PoolInjection> Injections => [.. Timelines.Select(t => t.InjectionAbove(Minimum)).OfType<PoolInjection>()];

    /// <summary>The order of the strategy in the registry (colours and rows follow it).</summary>
    public int StrategyOrder => Enum.TryParse<StrategyKind>(Strategy, out var kind) ? (int)kind : 99;

    /// <summary>The lab's cases of a run, in a stable order: strategy, N, default minimum first, cold first.</summary>
    public static IReadOnlyList<LabCase> Of(RunData run) =>
        [.. run.Cases.Where(c => c.PoolTimelines is { Count: > 0 } && c.Success).Select(c => new LabCase(c, run.Environment.MinWorkerThreads ?? run.Environment.Cores))
            .OrderBy(c => c.StrategyOrder).ThenBy(c => c.N).ThenBy(c => c.RaisedMinimum).ThenBy(c => !c.Cold)];

    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The median injection rate over the case's batches that injected threads (null when none did).</summary>
    public double? ThreadsPerSecond => Median(Injections.Select(i => i.ThreadsPerSecond));

    /// <summary>The median time between two additions over the case's batches that injected threads.</summary>
    public double? MedianIntervalMs => Median(Injections.Select(i => i.MedianIntervalMs).OfType<double>());

    /// <summary>One process's batches from its first: the warm-up bursts, then the measured batches (steady cases only).</summary>
    public IEnumerable<(string Label, double Ms, int ThreadsAfter, bool Measured)> Bursts()
    {
        foreach (var burst in Data.WarmupBursts ?? [])
        {
            yield return ($"w{burst.Number}", burst.Ms, burst.PoolEnd, false);
        }

        for (var i = 0; i < Data.IterationsMs.Count; i++)
        {
            yield return ($"m{i + 1}", Data.IterationsMs[i], i < Timelines.Count && Timelines[i].Samples.Count > 0 ? Timelines[i].Samples[^1].Threads : 0, true);
        }
    }
}
