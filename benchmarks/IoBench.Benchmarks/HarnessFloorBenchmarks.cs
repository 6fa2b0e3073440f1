using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>
/// The harness's floor under the strategies' own cost (--cost; issue 19): a bare loop over the same zero-latency
/// operation as <see cref="ZeroLatencyBenchmarks"/>, one call after another, with no strategy, no batch runner, no
/// deadline and no check; with the probe that every strategy's operations go through (<see cref="ProbedWorkload"/>)
/// and without it. N = 1,000 calls a batch and OperationsPerInvoke = N, the same job and the same warm-up, so its Mean
/// is the nanoseconds per operation that every strategy's row pays before its own cost; the "Above floor" column
/// subtracts the probed floor of the form and completion a strategy calls.
/// </summary>
[BenchmarkCategory(Categories.ZeroLatency)]
[Preset(Presets.Cost)]
public class HarnessFloorBenchmarks
{
    private IWorkload? _workload;
    private ProbedWorkload? _probe;

    /// <summary>The form the loop calls: Blocking (as Sequential does) or Async (awaited one by one, as SequentialAwait).</summary>
    [ParamsSource(nameof(FormValues))]
    public WorkloadForm Form { get; set; }

    [ParamsSource(nameof(CompletionValues))]
    public ZeroLatencyCompletion Completion { get; set; } = ZeroLatencyCompletion.Immediate;

    /// <summary>True: the operations go through the probe the strategies' batches use; false: the bare workload.</summary>
    [ParamsSource(nameof(ProbedValues))]
    public bool Probed { get; set; }

    /// <summary>The probe of a probed case, after setup (tests count its calls).</summary>
    internal ProbedWorkload? Probe => _probe;

    public IEnumerable<WorkloadForm> FormValues() => [WorkloadForm.Blocking, WorkloadForm.Async];

    public IEnumerable<ZeroLatencyCompletion> CompletionValues() => [ZeroLatencyCompletion.Immediate, ZeroLatencyCompletion.Yield];

    public IEnumerable<bool> ProbedValues() => [false, true];

    /// <summary>
    /// The blocking form returns at once under both completions (as in <see cref="ZeroLatencyCompletion.WhyNotRun"/>):
    /// measured under Immediate only. Null when the case runs.
    /// </summary>
    public static string? WhyNotRun(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type == typeof(HarnessFloorBenchmarks) &&
        benchmarkCase.Parameters[nameof(Form)] is WorkloadForm.Blocking &&
        benchmarkCase.Parameters[nameof(Completion)] is ZeroLatencyCompletion { Yields: true }
            ? "the blocking form returns at once in both variants: measured under Immediate"
            : null;

    [GlobalSetup]
    public void Setup()
    {
        var inner = new ZeroLatencyWorkload(Completion.Yields);
        _probe = Probed ? new ProbedWorkload(inner) : null;
        _workload = _probe ?? (IWorkload)inner;
        // The warm-up the strategies' steady cases get (BatchBenchmarks: TieredWarmup of the operation, then of the batch).
        var workload = _workload;
        var form = Form;
        Console.WriteLine(TieredWarmup.RunAsync(() => LatencySampler.RunOnceAsync(workload, form), TimeSpan.FromSeconds(1)).GetAwaiter().GetResult().ToLine());
        Console.WriteLine(TieredWarmup.RunAsync(() => new ValueTask(Loop()), TimeSpan.FromSeconds(1)).GetAwaiter().GetResult().ToLine());
    }

    /// <summary>The same paired sample before each batch as the strategies' cases take (outside the timed region).</summary>
    [IterationSetup]
    public void BeginBatch()
    {
        LatencySampler.SampleAsync(_workload!, Form, BatchBenchmarks.PairedSamples, TimeSpan.FromMilliseconds(20), 100).GetAwaiter().GetResult();
        _probe?.Reset();
    }

    [Benchmark(OperationsPerInvoke = ZeroLatencyBenchmarks.OpsPerBatch)]
    public Task Loop() => Form == WorkloadForm.Blocking ? BlockingLoop(_workload!) : AsyncLoop(_workload!);

    private static Task BlockingLoop(IWorkload workload)
    {
        for (var i = 0; i < ZeroLatencyBenchmarks.OpsPerBatch; i++)
        {
            workload.Run(CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private static async Task AsyncLoop(IWorkload workload)
    {
        for (var i = 0; i < ZeroLatencyBenchmarks.OpsPerBatch; i++)
        {
            await workload.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
