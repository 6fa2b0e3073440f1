using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using System.Globalization;
using BenchmarkDotNet.Toolchains.CsProj;
using BenchmarkDotNet.Toolchains.DotNetCli;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Calls;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Exporters;
using IoBench.Benchmarks.Plan;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Columns;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;
using Perfolizer.Horology;
using Perfolizer.Mathematics.OutlierDetection;

namespace IoBench.Benchmarks.Host;

/// <summary>The suite's BenchmarkDotNet configuration: the batch job, the theory columns, diagnosers, exporters and the cell plan.</summary>
public static class SuiteConfig
{
    /// <summary>
    /// The steady regime, for every cell. Batches last from 10 ms to a few seconds, so one invocation per iteration and
    /// no unrolling. Global setup warms the case itself (<see cref="BatchBenchmarks"/>: the JIT's tiers, a warm burst, or
    /// bursts until the thread pool settles), so BenchmarkDotNet's <see cref="RunStrategy.Monitoring"/>: no jitting batch
    /// (the Throughput strategy's ran one more whole batch, two when it took over a third of a second: 44 s of batches in
    /// a default run), no pilot, no overhead subtraction (nanoseconds against milliseconds). Five measured iterations (12
    /// in the runtime comparison's matrix: <see cref="SuiteSettings.SteadyIterations"/>); no outlier is removed: a slow
    /// iteration of a starving thread pool is the finding, not noise.
    /// </summary>
    public static Job SteadyJob { get; } = Job.Default
        .WithId(PoolRegime.Steady)
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(0)
        .WithIterationCount(5)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithOutlierMode(OutlierMode.DontRemove)
        .WithGcForce(false)
        .WithEnvironmentVariables(new EnvironmentVariable(BatchBenchmarks.RegimeVariable, PoolRegime.Steady));

    /// <summary>
    /// The cold regime, for the cells that depend on the pool's history only (<see cref="PoolRegime.DependsOnPoolHistory"/>):
    /// the first batch of a fresh process, no jitting batch before it, in three processes (four in the runtime comparison's
    /// matrix: <see cref="SuiteSettings.ColdLaunches"/>).
    /// </summary>
    public static Job ColdJob { get; } = Job.Default
        .WithId(PoolRegime.Cold)
        .WithStrategy(RunStrategy.ColdStart)
        .WithLaunchCount(3)
        .WithWarmupCount(0)
        .WithIterationCount(1)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithOutlierMode(OutlierMode.DontRemove)
        .WithGcForce(false)
        .WithEnvironmentVariables(new EnvironmentVariable(BatchBenchmarks.RegimeVariable, PoolRegime.Cold));

    /// <summary>
    /// The steady and the cold job with the settings' counts (<see cref="SuiteSettings.SteadyProcesses"/>,
    /// <see cref="SuiteSettings.SteadyIterations"/>, <see cref="SuiteSettings.SteadyWarmupIterations"/>,
    /// <see cref="SuiteSettings.ColdLaunches"/>). The steady job's one warm-up batch: with no jitting or warm-up stage
    /// (Monitoring), the first measured batch is the first call through BenchmarkDotNet's engine and pays its JIT (the
    /// per-operation preset measured 0.30-0.40 ms, 10-20 × a 1,000-operation batch of 20-50 µs), the harness's work, not
    /// the strategy's. A comparison run replicates these jobs (<see cref="Runtimes.RuntimeChoice.Jobs"/>). Both carry the
    /// process settings (<see cref="ProcessSettingsJob"/>).
    /// A user's call (--http-call, --sql-call) is measured steady only: its question is how a process that already serves
    /// the call does at each N, and its run has a time cap that three cold processes per pool-dependent cell would spend.
    /// </summary>
    public static Job[] Regimes(SuiteSettings settings) => settings.IsCall
        ? [Steady(settings)]
        : [Steady(settings), ProcessSettingsJob.Apply(ColdJob.WithLaunchCount(settings.ColdLaunches).WithId(PoolRegime.Cold), settings)];

    private static Job Steady(SuiteSettings settings) =>
        ProcessSettingsJob.Apply(SteadyJob.WithLaunchCount(settings.SteadyProcesses).WithWarmupCount(settings.SteadyWarmupIterations).WithIterationCount(settings.SteadyIterations).WithId(PoolRegime.Steady), settings);

    /// <summary>A smoke run of the whole matrix: one iteration of each case, in process (figures not for publishing).</summary>
    public static Job QuickJob { get; } = Job.Dry
        .WithId("Quick")
        .WithToolchain(InProcessEmitToolchain.Instance);

    /// <summary>The --quick job of a comparison run: one iteration of each case, out of process (a process runs one runtime).</summary>
    public static Job QuickRuntimeJob { get; } = Job.Dry.WithId("Quick");

    /// <param name="settings">The suite's settings.</param>
    /// <param name="addJob">False when the user chose jobs with --job, which BenchmarkDotNet adds itself.</param>
    /// <param name="runtimes">A comparison run's runtimes (--runtimes): each regime's job once per runtime, the first the baseline.</param>
    /// <param name="written">Collects the paths the suite's exporters write, for the lines the run ends with.</param>
    /// <summary>
    /// The widest parameter value shown whole: BenchmarkDotNet's default of 20 characters, or the longest strategy name
    /// (ParallelForEachAsyncUnbounded, 29). A wider value is cut ("Paral(...)unded [29]") in every display of its case, the
    /// JSON's parameter string that the run comparison keys on included.
    /// </summary>
    public static int MaxParameterWidth { get; } = Math.Max(20, Strategy.All.Max(kind => kind.ToString().Length));

    public static IConfig Create(SuiteSettings settings, bool addJob = true, RuntimeChoice? runtimes = null, RunPaths? written = null)
    {
        var config = ManualConfig.CreateEmpty()
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Descriptor, DefaultColumnProviders.Job, DefaultColumnProviders.Statistics, DefaultColumnProviders.Params, DefaultColumnProviders.Metrics)
            .AddColumn(TheoryColumns(settings).ToArray())
            .AddExporter(MarkdownExporter.GitHub, JsonExporter.Full, new BoundsReportExporter(settings, written), new DataExporter(settings, written))
            .AddFilter(new PresetFilter(settings), new CellPlanFilter(settings), PostgresRequirement(settings))
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            // Iterations of 10-100 ms are the point of this suite, so the "MinIterationTime" warning is left out.
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().Where(a => a is not MinIterationTimeAnalyser).ToArray())
            .WithOrderer(new RuntimeOrderer(smallestNFirst: settings.IsCall))
            // The per-operation family's Mean is nanoseconds per operation (OperationsPerInvoke = N); every other Mean is a batch.
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(settings.Cost ? TimeUnit.Nanosecond : TimeUnit.Millisecond).WithMaxParameterColumnWidth(MaxParameterWidth))
            .WithOptions(ConfigOptions.JoinSummary);

        Job[] regimes = Regimes(settings);
        if (runtimes is not null)
        {
            return config.AddJob([.. runtimes.Jobs(settings.Quick ? [ProcessSettingsJob.Apply(QuickRuntimeJob, settings)] : regimes, settings.LatencyMs).Select(WithTimeCap)]);
        }

        return !addJob ? config : settings.Quick ? config.AddJob(QuickJob) : config.AddJob([.. regimes.Select(WithTimeCap)]);
    }

    /// <summary>A call run's job with its toolchain under the run's time cap (<see cref="TimeCapToolchain"/>); any other job as it is.</summary>
    private static Job WithTimeCap(Job job)
    {
        if (TimeCapClock.Current is not { } clock)
        {
            return job;
        }

        // The toolchain BenchmarkDotNet would choose itself for a job without one: the host's runtime, built with its dotnet.
        var framework = string.Create(CultureInfo.InvariantCulture, $"net{Environment.Version.Major}.{Environment.Version.Minor}");
        var inner = job.Infrastructure.Toolchain
            ?? CsProjCoreToolchain.From(new NetCoreAppSettings(framework, null, RuntimeChoice.RuntimeOf(framework)?.Name ?? framework));
        return job.WithToolchain(new TimeCapToolchain(inner, clock)).WithId(job.Id);
    }

    /// <summary>Skips the Postgres family with one line when no server answers within 3 s.</summary>
    public static ServerRequirementFilter PostgresRequirement(SuiteSettings settings) => new(
        Categories.Postgres,
        () => PostgresDatabase.ProbeAsync(settings.Postgres, TimeSpan.FromSeconds(3)).GetAwaiter().GetResult(),
        "Start one with `scripts/postgres.sh start`, or point IOBENCH_POSTGRES (--postgres) at one.",
        Console.Out);

    /// <summary>The suite's own columns, in the order they print after BenchmarkDotNet's statistics.</summary>
    public static IEnumerable<IColumn> TheoryColumns(SuiteSettings settings) =>
    [
        new LatencyColumn(settings),
        // The bounds' legends name their L: the L column's, whose legend says how it was sampled.
        BoundColumn.Sequential(BatchColumn.LatencySource(settings), LatencyColumn.BoundsLegend),
        BoundColumn.Overlapped(BatchColumn.LatencySource(settings), LatencyColumn.BoundsLegend),
        new OverlappedTailColumn(settings),
        new ConcurrencyFactorColumn(settings),
        new SpeedupColumn(settings),
        new ThreadsColumn(settings),
        new ServerThreadsColumn(settings),
        new SyncPercentColumn(settings),
        new PoolThreadsColumn(settings),
        new AllocatedPerOperationColumn(settings),
        new WorkItemsPerOperationColumn(settings),
        new GcPauseColumn(),
        new PendingMemoryColumn(),
        new BareRatioColumn(settings),
        new AboveFloorColumn(settings),
    ];
}
