using System.Collections.Concurrent;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks.Plan;

/// <summary>
/// Keeps only the cells the plan runs: <see cref="CellPlan"/>'s budget rules over the workload's own traits and L, then the
/// family's own rules (<see cref="ICellRule"/> parameter values and class attributes), and the cold regime only where
/// <see cref="PoolRegime.DependsOnPoolHistory"/> says the pool's history matters. The report asks the same questions,
/// so every cell left out says why.
/// </summary>
public sealed class CellPlanFilter(SuiteSettings settings) : IFilter
{
    private readonly ConcurrentDictionary<string, (WorkloadTraits Traits, TimeSpan Latency)> _workloads = new();

    /// <summary>Each family's N, asked once per family (the source describes the family's workload to choose them).</summary>
    private readonly ConcurrentDictionary<Type, int[]> _familyOps = new();

    // A case that is not a batch (the bare baseline, the harness's floor) holds no pool thread while it waits: the steady
    // regime only. A family of another run (PresetFilter's question, which BenchmarkDotNet may ask after this one: its filters
    // have no order) is not planned here: a call's family cannot even make its workload without its call.
    public bool Predicate(BenchmarkCase benchmarkCase) => new PresetFilter(settings).Runs(benchmarkCase.Descriptor.Type)
        && (BatchCase.From(benchmarkCase) is { } batch
            ? WhyNotRun(benchmarkCase) is null && (batch.Regime != PoolRegime.Cold || RunsCold(benchmarkCase)) && InThisMatrix(benchmarkCase, batch)
            : benchmarkCase.Job.Id != PoolRegime.Cold && HarnessFloorBenchmarks.WhyNotRun(benchmarkCase) is null);

    /// <summary>Null when the case runs, else the reason.</summary>
    public string? WhyNotRun(BenchmarkCase benchmarkCase) =>
        BatchCase.From(benchmarkCase) is { } batch ? WhyNotRun(benchmarkCase, batch.Strategy, batch.N, batch.K) : null;

    /// <summary>
    /// Why a cell is not run (null when it runs); <paramref name="member"/> is any case of the same workload
    /// configuration, whose traits, other parameter values and class attributes decide too.
    /// </summary>
    public string? WhyNotRun(BenchmarkCase member, StrategyKind strategy, int n, int k)
    {
        var (traits, latency) = Describe(member);
        // A user's call has no nominal L: its budget is the L the host's probe measured (a device family's cells all fit).
        if (latency == TimeSpan.Zero && settings.CallPlan is { } call)
        {
            latency = call.Latency;
        }

        return CellPlan.WhyNotRun(strategy, n, k, latency, settings.MaxSequentialBatch, traits.HasFlag(WorkloadTraits.CpuBound), Environment.ProcessorCount, traits.HasFlag(WorkloadTraits.SynchronousAsync))
            ?? member.Parameters.Items.Select(p => p.Value)
                .Concat(member.Descriptor.Type.GetCustomAttributes(inherit: true))
                .OfType<ICellRule>()
                .Select(rule => rule.WhyNotRun(strategy, n, k, settings))
                .FirstOrDefault(why => why is not null)
            ?? settings.CallPlan?.WhyNotRun(strategy, k, n);
    }

    /// <summary>
    /// True when the case is also measured in the cold regime: its time depends on the pool's history. The pool starts from
    /// the processor count the benchmark processes see (--processor-count), not the host's; a --min-worker-threads at or
    /// above N leaves the cell cold too, since its first burst still creates the threads (about 0.2 ms each) that later
    /// bursts find.
    /// </summary>
    public bool RunsCold(BenchmarkCase benchmarkCase) =>
        BatchCase.From(benchmarkCase) is { } batch && PoolRegime.DependsOnPoolHistory(batch.Strategy, batch.K, batch.N, TraitsOf(benchmarkCase), settings.BenchmarkProcessorCount);

    /// <summary>
    /// The runtime comparison's matrix runs each strategy of a family at one N: the largest of the family's comparison N
    /// (<see cref="BatchBenchmarks.ComparisonOps"/>) that the plan runs for it, where starvation, thread creation, many
    /// timers and many connections show; a strategy the plan stops earlier (a sequential one) at the smaller.
    /// </summary>
    private bool InThisMatrix(BenchmarkCase benchmarkCase, BatchCase batch) =>
        InComparedFamilies(benchmarkCase) && InThisMatrixN(benchmarkCase, batch);

    /// <summary>
    /// The runtime comparison's families (<see cref="SuiteSettings.Comparison"/>): those whose L a timer sets, and the
    /// computations (<see cref="WorkloadTraits.CpuBound"/>: Cpu, and SqliteQuery's scan); the families whose L a device or
    /// the database server decides (FileWrite, SqliteWrite, PostgresQuery, PostgresWrite, PostgresConnect) are left out,
    /// as their spread is the device's (even so the 2026-12-06 comparison took 56 minutes here, PostgresSleep 18 of them).
    /// The positive control's jobs (L × 1.1) run only in the steady cells of the families where a timer sets L: elsewhere L is not the setting's, and a cold pool cell's time is the pool's injection (ThreadPool N = 1000
    /// of Sleep: 2.8 s for 10 ms operations), which a 1 ms longer L does not move by 5%. Outside the comparison matrix,
    /// every family runs.
    /// </summary>
    public bool InComparedFamilies(BenchmarkCase benchmarkCase)
    {
        var (traits, latency) = Describe(benchmarkCase);
        var timed = !BatchBenchmarks.PairsLatency(traits, latency);
        var slowedRuns = timed && JobTags.RegimeOf(benchmarkCase.Job) == PoolRegime.Steady;
        return (slowedRuns || !JobTags.IsSlowed(benchmarkCase.Job)) && (!settings.Comparison || timed || traits.HasFlag(WorkloadTraits.CpuBound));
    }

    private bool InThisMatrixN(BenchmarkCase benchmarkCase, BatchCase batch) =>
        !settings.ComparisonChoosesN
        || batch.N == _familyOps.GetOrAdd(benchmarkCase.Descriptor.Type, type => [.. ((BatchBenchmarks)Activator.CreateInstance(type)!).OpsValues()])
            .Where(n => WhyNotRun(benchmarkCase, batch.Strategy, n, batch.K) is null)
            .DefaultIfEmpty(batch.N)
            .Max();

    /// <summary>The traits of the case's workload, asked of the workload itself.</summary>
    public WorkloadTraits TraitsOf(BenchmarkCase benchmarkCase) => Describe(benchmarkCase).Traits;

    /// <summary>The case's workload's traits and nominal L, asked of the workload itself (one instance per configuration).</summary>
    private (WorkloadTraits Traits, TimeSpan Latency) Describe(BenchmarkCase benchmarkCase) =>
        _workloads.GetOrAdd(BatchCase.From(benchmarkCase)?.LatencyKey ?? benchmarkCase.Descriptor.Type.FullName!, _ =>
        {
            var family = (BatchBenchmarks)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
            foreach (var parameter in benchmarkCase.Parameters.Items)
            {
                benchmarkCase.Descriptor.Type.GetProperty(parameter.Name)?.SetValue(family, parameter.Value);
            }

            return family.DescribeWorkload();
        });
}
