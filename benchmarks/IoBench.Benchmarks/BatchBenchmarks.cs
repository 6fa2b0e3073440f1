using BenchmarkDotNet.Attributes;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// One batch = N operations of a workload under a strategy. Each workload family derives one class from this and
/// names its workload; the parameters and the measured method are the same for all, so every report has one shape.
/// Mean is the time of the whole batch (OperationsPerInvoke = 1), the figure compared with N x L and max(L).
/// </summary>
public abstract class BatchBenchmarks
{
    private ProbedWorkload? _workload;
    private IStrategy? _strategy;

    protected static SuiteSettings Settings { get; } = SuiteSettings.FromEnvironment();

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

    public IEnumerable<int> OpsValues() => Ops();

    public IEnumerable<ConcurrencyLimit> LimitValues() => Limits();

    // Synchronous on purpose: BenchmarkDotNet 0.14's in-process toolchain (--quick) does not await an async
    // [GlobalSetup]/[GlobalCleanup], so a workload whose setup really awaits (a server start) ran its batches too early.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _workload = new ProbedWorkload(CreateWorkload(Settings));
        using var setupDeadline = new CancellationTokenSource(Settings.BatchTimeout);
        await _workload.SetupAsync(setupDeadline.Token);
        if (_workload.Inner is ICalibratedWorkload calibrated)
        {
            Console.WriteLine($"// IoBench.Calibration {calibrated.Calibration}");
        }

        _strategy = IoBench.Core.Strategies.Strategy.Create(Strategy, K.Value);
    }

    // Out of band in BenchmarkDotNet's child processes (the strategy gets CancellationToken.None, a missed deadline ends
    // the process); the in-process --quick run cannot end its process, so there the deadline cancels the batch.
    [Benchmark]
    public Task Batch() => BatchRunner.RunAsync(_strategy!, _workload!, N, Settings.BatchTimeout, Settings.Quick ? DeadlineMode.CancelBatch : DeadlineMode.EndProcess);

    private async Task CleanupAsync()
    {
        if (_workload is null)
        {
            return;
        }

        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        var metrics = new BatchMetrics(_workload.PeakThreads, _workload.SyncPercent, _workload.Calls, minWorkers, minIo);
        Console.WriteLine((await CompleteMetricsAsync(_workload.Inner, metrics)).ToLine());
        await _workload.DisposeAsync();
        _workload = null;
        (_strategy as IDisposable)?.Dispose(); // the event loop's thread
    }

    /// <summary>The twelve strategies (or the --strategies subset): each is a permanent benchmark ID.</summary>
    protected virtual IEnumerable<StrategyKind> Strategies() => Settings.Strategies;

    /// <summary>N from 1 (the latency itself) to 1000 (where thread-per-operation and pool starvation show).</summary>
    protected virtual IEnumerable<int> Ops() => Settings.Ops;

    /// <summary>The default N of a family whose batches are long, unless --ops (or --quick) chose N.</summary>
    protected static IEnumerable<int> DefaultOpsUnlessChosen(params int[] ops) =>
        Settings.ExplicitOps is null && !Settings.Quick ? ops : Settings.Ops;

    /// <summary>K = none: the asyncio.gather case; K = Settings.Limit (10): the waves of ceil(N/K) x L.</summary>
    protected virtual IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None, new(Settings.Limit)];

    /// <summary>Adds what a workload family observes beyond the client (e.g. the server's threads) to the metrics line.</summary>
    protected virtual Task<BatchMetrics> CompleteMetricsAsync(IWorkload workload, BatchMetrics metrics) => Task.FromResult(metrics);

    /// <summary>The workload this class measures, configured from the settings.</summary>
    protected abstract IWorkload CreateWorkload(SuiteSettings settings);
}
