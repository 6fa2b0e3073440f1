using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// One batch = N operations of a workload under a strategy. Each workload family derives one class from this and
/// names its workload; the parameters and the measured method are the same for all, so every report has one shape.
/// Mean is the time of the whole batch (OperationsPerInvoke = 1), the figure compared with N x L and max(L).
/// </summary>
public abstract class BatchBenchmarks
{
    /// <summary>The environment variable each job sets to name its thread-pool regime (<see cref="PoolRegime"/>).</summary>
    public const string RegimeVariable = "IOBENCH_REGIME";

    /// <summary>How the one line that names a failed case starts.</summary>
    public const string FailurePrefix = "iobench: case failed:";

    /// <summary>
    /// The case that samples L for its workload (in the steady regime): Sequential, N = 1, no K; in the runtime comparison's
    /// matrix, which has no N = 1, the family's one Sequential cell (its smallest N).
    /// </summary>
    public static bool SamplesLatency(StrategyKind strategy, int n, int k) =>
        strategy == StrategyKind.Sequential && k == 0 && (n == 1 || Settings.ComparisonChoosesN);

    /// <summary>
    /// A workload whose L a device or the process decides rather than a timer (no nominal latency: a commit's fsync, a
    /// query's round trip; or a computation) is sampled around every measured batch, in the batch's own process and
    /// seconds, in the form the batch calls. Such an L drifts from second to second and from process to process:
    /// PostgresWrite's Sequential N = 100 batches went from 0.52 to 1.28 ms per operation within one process against a
    /// median of 0.35 ms sampled in another, and SqliteQuery's calibrated scan took 15 ms per operation in some processes
    /// and 19.5 ms in others, so a bound taken elsewhere does not fit the batch it is compared with.
    /// </summary>
    public static bool PairsLatency(WorkloadTraits traits, TimeSpan nominalLatency) =>
        nominalLatency == TimeSpan.Zero || traits.HasFlag(WorkloadTraits.CpuBound);

    /// <summary>The paired sample before each batch: at least this many operations, more until 20 ms, at most 100.</summary>
    public const int PairedSamples = 3;

    private ProbedWorkload? _workload;
    private IStrategy? _strategy;
    private BatchStart _start;
    private bool _steady;
    private double[]? _pairedSamples;
    private PendingMemory? _pendingMemory;
    private PoolTimelineSampler? _timeline;

    protected static SuiteSettings Settings { get; } = SuiteSettings.FromEnvironment();

    /// <summary>The regime for a test that drives the class in its own process (the job's variable is process-wide).</summary>
    internal string? RegimeOverride { get; init; }

    [ParamsSource(nameof(StrategyValues))]
    public StrategyKind Strategy { get; set; }

    [ParamsSource(nameof(OpsValues))]
    public int N { get; set; }

    /// <summary>K for Channel and Bounded: none = no limit of the strategy's own (every other strategy runs only with none).</summary>
    [ParamsSource(nameof(LimitValues))]
    public ConcurrencyLimit K { get; set; }

    // BenchmarkDotNet calls these sources by name on a fresh instance; each forwards to a protected virtual so that
    // a workload family can narrow its values (overriding the source itself makes the name ambiguous to BenchmarkDotNet).
    public IEnumerable<StrategyKind> StrategyValues() => Strategies();

    public IEnumerable<int> OpsValues() => Settings.ComparisonChoosesN ? ComparisonOps(Ops(), SynchronousAsyncFamily) : Ops();

    public IEnumerable<ConcurrencyLimit> LimitValues() => MainConfigurationInComparison(Limits());

    /// <summary>
    /// The runtime comparison's candidate N (<see cref="SuiteSettings.Comparison"/>): the family's smallest N of 10 or more
    /// and its largest; the smallest alone for a family whose async calls complete synchronously (SQLite: most of its
    /// cells are N×L by construction, a timer's figure, and N = 100 of them is a second a batch). Each strategy then runs
    /// at the largest of these that the plan runs for it (<see cref="CellPlanFilter"/>).
    /// </summary>
    public static IEnumerable<int> ComparisonOps(IEnumerable<int> familyOps, bool synchronousAsync = false)
    {
        var ops = familyOps.Order().ToArray();
        var smallest = ops.FirstOrDefault(n => n >= 10, ops[0]);
        return smallest == ops[^1] || synchronousAsync ? [smallest] : [smallest, ops[^1]];
    }

    private bool SynchronousAsyncFamily => DescribeWorkload().Traits.HasFlag(WorkloadTraits.SynchronousAsync);

    /// <summary>A family's configuration values (K, connection limits, pool sizes): the first, its main one, alone in the runtime comparison's matrix.</summary>
    protected static IEnumerable<T> MainConfigurationInComparison<T>(IEnumerable<T> values) => Settings.Comparison ? values.Take(1) : values;

    /// <summary>
    /// What the cell plan needs to know of this case's workload, read without setting it up (the host asks): its traits
    /// and its nominal L (zero for an operation whose time the device decides).
    /// </summary>
    public (WorkloadTraits Traits, TimeSpan Latency) DescribeWorkload()
    {
        var workload = CreateWorkload(Settings);
        try
        {
            return (workload.Traits, workload.Latency);
        }
        finally
        {
            workload.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    // Synchronous on purpose: BenchmarkDotNet 0.14's in-process toolchain (--quick) does not await an async
    // [GlobalSetup]/[GlobalCleanup], so a workload whose setup really awaits (a server start) ran its batches too early.
    [GlobalSetup]
    public void Setup()
    {
        try
        {
            SetupAsync().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            ReportFailure(e);
            throw;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        // Before the family prepares the process (the starvation lab raises the pool's minimum there): the process as it started.
        var seen = ProcessSettingsSeen.Current();
        PrepareProcess();
        _workload = new ProbedWorkload(CreateWorkload(Settings));
        using var setupDeadline = new CancellationTokenSource(Settings.BatchTimeout);
        await _workload.SetupAsync(setupDeadline.Token);
        _strategy = IoBench.Core.Strategies.Strategy.Create(Strategy, K.Value);
        // Both regimes: the cold one's first batch is timed, and would otherwise start the watchdog's and the event loop's threads.
        BatchRunner.Prepare(_strategy);
        _steady = (RegimeOverride ?? Environment.GetEnvironmentVariable(RegimeVariable)) == PoolRegime.Steady;
        // The host's plan (CellPlanFilter.RunsCold) asks with the same count, so both agree even where a runtime ignored it.
        var dependsOnPool = PoolRegime.DependsOnPoolHistory(Strategy, K.Value, N, _workload.Traits, Settings.BenchmarkProcessorCount);
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        if (_steady && dependsOnPool && Settings.Comparison && Settings.MinWorkerThreads is null && minWorkers < N)
        {
            // Like with like across runtimes: each runtime grows its pool by its own rules and a steady warm-up may stop at
            // different sizes (PostgresSleep ThreadPool N = 200: .NET 10 settled at 5 threads after 2.6 s, .NET 8 began
            // measuring at 8 and .NET 10's pool then grew to 10 while measured). The comparison's steady pool cells have the
            // pool brought to N the same way on every side; how each runtime grows it is what their cold cells compare.
            // Not under --min-worker-threads: the runtime holds that minimum and would refuse this one.
            if (!ThreadPool.SetMinThreads(N, minIo))
            {
                throw new InvalidOperationException($"ThreadPool.SetMinThreads({N}, {minIo}) was refused");
            }

            minWorkers = N;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{CaseObservations.ProcessPrefix} minworkers={minWorkers} miniocp={minIo} runtime={Environment.Version} {seen.ToFields()}"));
        if (!_steady)
        {
            return; // cold: the first measured batch must meet the process as it started; in process (--quick): no regimes
        }

        // The same operations first run until the JIT has tiered them up (TieredWarmup): their own code is a visible share
        // of their time, where a wait of 20 ms is the same at tier 0.
        if (PairsLatency(_workload.Traits, _workload.Latency) && WarmsSingleOperations)
        {
            var form = _strategy.Form;
            var inner = _workload.Inner;
            Console.WriteLine((await TieredWarmup.RunAsync(() => LatencySampler.RunOnceAsync(inner, form), TimeSpan.FromSeconds(1))).ToLine());
        }

        if (SamplesLatency(Strategy, N, K.Value) && !PairsLatency(_workload.Traits, _workload.Latency))
        {
            // This case measures L for its workload: many operations one after another in each form, after warm-up.
            foreach (var profile in await LatencySampler.MeasureAsync(_workload.Inner, TimeSpan.FromSeconds(1.2)))
            {
                Console.WriteLine(profile.ToLine());
            }
        }

        if (dependsOnPool)
        {
            Console.WriteLine((await WarmUntilPoolSettlesAsync()).ToLine());
        }
        else if (_workload.Latency == TimeSpan.Zero)
        {
            // An operation with no latency (the per-operation cost, --cost): the batch's own code is the figure, so the
            // batch runs until the JIT has tiered it up; after one burst it is still tier-0/OSR code (Task measured
            // 99-149 ns an operation that way).
            Console.WriteLine((await TieredWarmup.RunAsync(() => new ValueTask(Batch()), TimeSpan.FromSeconds(1))).ToLine());
        }
        else
        {
            // One warm burst: JIT and the driver's first use (Npgsql's async path, a first connection) are not the steady
            // state; BenchmarkDotNet's own jitting batch then runs on warm code, as the measured ones do.
            await Batch();
        }

        if (MeasuresPendingMemory)
        {
            // After the warm batch, so that JIT'd code and first-use allocations are in the baseline, not charged to N.
            _pendingMemory = await PendingMemory.MeasureAsync(Batch);
        }
    }

    /// <summary>
    /// The steady regime: bursts of this very batch until the pool's thread count stayed the same for
    /// <see cref="SteadyWarmup.StableBursts"/> bursts and a second, or the warm-up budget is spent (then "not settled").
    /// </summary>
    private async Task<SteadyWarmup> WarmUntilPoolSettlesAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var first = await PoolThreadsAsync();
        var (last, unchanged, bursts, changedAt) = (first, 0, 0, started);
        while (Stopwatch.GetElapsedTime(started) < Settings.SteadyWarmup)
        {
            var (burstStarted, poolBefore) = (Stopwatch.GetTimestamp(), ThreadPool.ThreadCount);
            await Batch();
            bursts++;
            if (SamplesPoolTimeline)
            {
                Console.WriteLine(new WarmupBurst(bursts, Stopwatch.GetElapsedTime(burstStarted).TotalMilliseconds, poolBefore, ThreadPool.ThreadCount).ToLine());
            }

            var now = await PoolThreadsAsync();
            (unchanged, changedAt) = now == last ? (unchanged + 1, changedAt) : (0, Stopwatch.GetTimestamp());
            last = now;
            if (unchanged >= SteadyWarmup.StableBursts && Stopwatch.GetElapsedTime(changedAt) >= TimeSpan.FromSeconds(1))
            {
                return new SteadyWarmup(bursts, Stopwatch.GetElapsedTime(started).TotalSeconds, first, now, Settled: true);
            }
        }

        return new SteadyWarmup(bursts, Stopwatch.GetElapsedTime(started).TotalSeconds, first, last, Settled: false);
    }

    private async Task<int> PoolThreadsAsync() => ThreadPool.ThreadCount + (await ServerThreadsAsync(_workload!.Inner) ?? 0);

    [IterationSetup]
    public void BeginBatch()
    {
        try
        {
            BeforeBatch();
            _pairedSamples = _steady && PairsLatency(_workload!.Traits, _workload.Latency)
                ? LatencySampler.SampleAsync(_workload.Inner, _strategy!.Form, PairedSamples, TimeSpan.FromMilliseconds(20), 100).GetAwaiter().GetResult()
                : null;
        }
        catch (Exception e)
        {
            // The sample's calls are the workload's: one that fails here (a server gone, a call refused) fails the case as a batch would.
            ReportFailure(e);
            throw;
        }

        _workload!.Reset();
        // Before the batch's counts start, so that the sampler's own allocations (its list, its thread) are not the
        // batch's; its zero is then earlier than the timed region by the reads below (microseconds; it samples every 5 ms).
        _timeline = SamplesPoolTimeline ? PoolTimelineSampler.Start() : null;
        _start = new BatchStart(ThreadPool.ThreadCount, ThreadPool.CompletedWorkItemCount, GC.GetTotalAllocatedBytes(precise: true), GcClock.Now);
    }

    // Out of band in BenchmarkDotNet's child processes (the strategy gets CancellationToken.None, a missed deadline ends
    // the process); the in-process --quick run cannot end its process, so there the deadline cancels the batch.
    [Benchmark]
    public virtual Task Batch()
    {
        var batch = RunBatchAsync();
        // A batch still running is awaited once more to name its failure (one small allocation per batch, none when the
        // batch completed synchronously); its time is the batch's.
        return batch.IsCompletedSuccessfully ? batch : ReportingFailureAsync(batch);
    }

    /// <summary>The batch of <see cref="Strategy"/> over the workload, with the batch deadline, without the failure line (a family that catches it).</summary>
    protected Task RunBatchAsync() =>
        BatchRunner.RunAsync(_strategy!, _workload!, N, Settings.BatchTimeout, Settings.Quick ? DeadlineMode.CancelBatch : DeadlineMode.EndProcess);

    /// <summary>The case's workload as the batch calls it (probed); valid between setup and cleanup.</summary>
    protected ProbedWorkload BatchWorkload => _workload ?? throw new InvalidOperationException("the case is not set up");

    /// <summary>
    /// The failures the batch's operations ended with and those its caller saw, for a family whose operations fail on
    /// purpose (<see cref="FireAndForgetBenchmarks"/>); measured after the batch, outside its time. Null elsewhere.
    /// </summary>
    protected virtual BatchFailures? MeasureFailures() => null;

    private async Task ReportingFailureAsync(Task batch)
    {
        try
        {
            await batch.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            ReportFailure(e);
            throw;
        }
    }

    /// <summary>
    /// One line naming the case and why it failed (a server stopped, a file locked, a deadline missed), before
    /// BenchmarkDotNet's stack trace: the user should not have to find the cause in it. The case is then reported failed.
    /// </summary>
    private void ReportFailure(Exception error)
    {
        Console.Out.WriteLine($"{FailurePrefix} {CaseName}: {FailureReason(error)}");
        Console.Out.Flush();
    }

    /// <summary>The case as BenchmarkDotNet lists it: class, method and parameters (the in-process run measures a
    /// generated subclass, so the name is that of the suite's own class it derives from).</summary>
    internal string CaseName =>
        $"{FamilyType.Name}.{nameof(Batch)} [{string.Join(", ", GetType().GetProperties()
            .Where(p => p.IsDefined(typeof(ParamsSourceAttribute), inherit: true) || p.IsDefined(typeof(ParamsAttribute), inherit: true))
            .Select(p => $"{p.Name}={p.GetValue(this)}"))}]";

    private Type FamilyType
    {
        get
        {
            var type = GetType();
            while (type.Assembly != typeof(BatchBenchmarks).Assembly && type.BaseType is { } parent)
            {
                type = parent;
            }

            return type;
        }
    }

    /// <summary>The exception's type and message on one line, with its cause's message when that adds something.</summary>
    internal static string FailureReason(Exception error)
    {
        while (error is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && error.InnerException is { } inner)
        {
            error = inner;
        }

        var reason = $"{error.GetType().Name}: {error.Message}";
        if (error.InnerException is { Message: { Length: > 0 } cause } && !error.Message.Contains(cause, StringComparison.Ordinal))
        {
            reason += $" ({cause})";
        }

        return reason.ReplaceLineEndings(" ");
    }

    /// <summary>Prints this batch's own metrics; the host keeps those of the batches BenchmarkDotNet measured.</summary>
    [IterationCleanup]
    public void EndBatch() => Console.WriteLine(MeasureBatchEnd().ToLine());

    /// <summary>The metrics of the batch since <see cref="BeginBatch"/>: taken outside the timed region, around it.</summary>
    internal BatchMetrics MeasureBatchEnd()
    {
        // First, so that the timeline ends as close to the timed region as cleanup allows.
        var sampler = _timeline;
        var timeline = sampler?.Stop();
        _timeline = null;
        // The batch alone: less what the sampler allocated after its start (its readings, the timeline it returns).
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _start.Allocated - (sampler?.AllocatedBytes ?? 0);
        var workItems = ThreadPool.CompletedWorkItemCount - _start.WorkItems;
        var server = ServerThreadsAsync(_workload!.Inner).GetAwaiter().GetResult();
        return new BatchMetrics(_start.PoolThreads, ThreadPool.ThreadCount, _workload.PeakThreads, _workload.SyncPercent, _workload.Calls, allocated, workItems, server)
        {
            LatencyForm = _pairedSamples is null ? null : _strategy!.Form,
            LatencySamples = _pairedSamples,
            Memory = _pendingMemory,
            Collections = GcClock.Since(_start.Collections),
            Failures = MeasureFailures(),
            Timeline = timeline,
        };
    }

    private async Task CleanupAsync()
    {
        if (_workload is null)
        {
            return;
        }

        await _workload.DisposeAsync();
        _workload = null;
        (_strategy as IDisposable)?.Dispose(); // the event loop's thread
    }

    /// <summary>The fifteen strategies (or the --strategies subset): each is a permanent benchmark ID.</summary>
    protected virtual IEnumerable<StrategyKind> Strategies() => Settings.Strategies;

    /// <summary>N from 1 (the latency itself) to 1000 (where thread-per-operation and pool starvation show).</summary>
    protected virtual IEnumerable<int> Ops() => Settings.Ops;

    /// <summary>The default N of a family whose batches are long, unless --ops (or --quick) chose N.</summary>
    protected static IEnumerable<int> DefaultOpsUnlessChosen(params int[] ops) =>
        Settings.ExplicitOps is null && !Settings.Quick ? ops : Settings.Ops;

    /// <summary>K = none: the asyncio.gather case; K = Settings.Limit (10): the waves of ceil(N/K) x L.</summary>
    protected virtual IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None, new(Settings.Limit)];

    /// <summary>
    /// True for a family that measures memory per pending operation (<see cref="PendingMemory"/>): one more batch in the
    /// steady regime's setup, from an idle baseline after a full collection (never before a measured batch: a forced
    /// collection slows the batch after it).
    /// </summary>
    protected virtual bool MeasuresPendingMemory => false;

    /// <summary>
    /// True for a family that samples the pool's thread count through every measured batch from a dedicated thread
    /// (<see cref="PoolTimelineSampler"/>, printed on the batch line) and prints each steady warm-up burst
    /// (<see cref="WarmupBurst"/>): the starvation lab.
    /// </summary>
    protected virtual bool SamplesPoolTimeline => false;

    /// <summary>
    /// True when the steady regime first calls a paired-L workload's operation alone until the JIT has tiered it up (up
    /// to 1 s), before the warm batches; a call run's family leaves it to the warm batches, which tier up the same code,
    /// to spend its time cap on cells.
    /// </summary>
    protected virtual bool WarmsSingleOperations => true;

    /// <summary>Before each batch and its L sample, outside its time: a call run's family stops here once its time cap has passed.</summary>
    protected virtual void BeforeBatch()
    {
    }

    /// <summary>Sets up the process itself before anything else (the starvation lab raises the pool's minimum here).</summary>
    protected virtual void PrepareProcess()
    {
    }

    /// <summary>The thread-pool threads of the server the workload calls, if it has one that reports them (HTTP).</summary>
    protected virtual Task<int?> ServerThreadsAsync(IWorkload workload) => Task.FromResult<int?>(null);

    /// <summary>The workload this class measures, configured from the settings.</summary>
    protected abstract IWorkload CreateWorkload(SuiteSettings settings);

    private readonly record struct BatchStart(int PoolThreads, long WorkItems, long Allocated, GcClock Collections);
}
