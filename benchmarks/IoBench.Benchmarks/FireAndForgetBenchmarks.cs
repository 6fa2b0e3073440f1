using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Parameters;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>How the caller treats the N operations it starts (the fire-and-forget claim).</summary>
public enum FailureCaller
{
    /// <summary>
    /// Awaits them all (the Task strategy: Task.WhenAll) and catches what its await throws: the first failure of the batch.
    /// It does not read the batch task's AggregateException, so the batch's other failures reach neither it nor
    /// UnobservedTaskException (Task.WhenAll observed them).
    /// </summary>
    Awaits,

    /// <summary>
    /// Starts them and returns without keeping or awaiting a task, as Spring's @Async void method or an un-awaited call does;
    /// it catches what a call throws before returning its task (the only failure that could reach it).
    /// </summary>
    FireAndForget,
}

/// <summary>
/// Claim 7, Spring's @Async pitfall in .NET: N Task.Delay(L) operations of which every tenth fails after its full
/// latency. With <see cref="FailureCaller.Awaits"/> the caller awaits them (the Task strategy, through the batch runner)
/// and catches what its await throws; with <see cref="FailureCaller.FireAndForget"/> it starts them, catching only what a
/// call throws at once, and returns. After the batch, outside its timed region, the family waits until every operation
/// it started has ended and measures where each failure went: caught by the caller's code, raised on
/// TaskScheduler.UnobservedTaskException once collections finalized its dropped task, or neither; and the time the calls
/// really took (first start to last end) beside the caller's batch, BenchmarkDotNet's measured time. A fire-and-forget
/// batch that looks instant and successful while its calls run on and fail is the finding; each count could have come
/// out otherwise. Every other operation's result is still checked: a batch whose operations do not all end, or end with
/// another failure, fails.
/// </summary>
[BenchmarkCategory(Categories.Sleep)]
public class FireAndForgetBenchmarks : BatchBenchmarks
{
    /// <summary>One operation in ten fails: ten failures in a batch of N = 100.</summary>
    public const int FailEvery = 10;

    public const int OpsPerBatch = 100;

    /// <summary>
    /// Collections after a batch to let the runtime finalize its dropped faulted tasks: rounds until every failure is
    /// accounted for, at most this many, 1, 2, 4 ... 64 ms apart (127 ms in all: the awaiting caller, whose other failures
    /// Task.WhenAll observed, spends them every batch, untimed). On .NET 10, 29 of 30 scratch batches had all ten raised
    /// after the first round and the last after the second (its operation had counted itself finished before its task
    /// faulted).
    /// </summary>
    public const int CollectionRounds = 8;

    private FailureTally? _tally;

    [ParamsSource(nameof(CallerValues))]
    public FailureCaller Caller { get; set; }

    public IEnumerable<FailureCaller> CallerValues() => [FailureCaller.Awaits, FailureCaller.FireAndForget];

    [Benchmark]
    public override Task Batch()
    {
        _tally = ((FailingWorkload)BatchWorkload.Inner).BeginTally();
        return Caller == FailureCaller.Awaits ? AwaitAllAsync() : FireAndForget();
    }

    /// <summary>
    /// The Task strategy's batch, awaited: the await rethrows one of the batch's failures, and the caller counts what it
    /// caught (a batch whose await did not throw counts none).
    /// </summary>
    private async Task AwaitAllAsync()
    {
        try
        {
            await RunBatchAsync();
        }
        catch (InjectedFailureException failure)
        {
            failure.Tally.ReachedCaller();
        }
    }

    /// <summary>
    /// Starts every call and drops its task: the caller returns at once, whatever the calls will do. A call that threw
    /// before returning its task would reach the catch; one whose task fails later cannot.
    /// </summary>
    private Task FireAndForget()
    {
        var workload = BatchWorkload;
        for (var i = 0; i < N; i++)
        {
            try
            {
                _ = workload.RunAsync(CancellationToken.None);
            }
            catch (InjectedFailureException failure)
            {
                failure.Tally.ReachedCaller();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// After the batch: every operation it started has ended (waited for here, untimed), how many failed, and where the
    /// failures went. The caller counted what it caught; a dropped faulted task raises UnobservedTaskException when a
    /// collection finalizes it, so full collections run until every failure is accounted for or
    /// <see cref="CollectionRounds"/> have run. What neither reached is the rest.
    /// </summary>
    protected override BatchFailures? MeasureFailures()
    {
        var tally = _tally ?? throw new InvalidOperationException("no batch ran");
        if (!tally.WaitFinished(N, Settings.BatchTimeout))
        {
            throw new WorkloadCheckException($"{tally.Finished} of {N} operations ended within {Settings.BatchTimeout.TotalSeconds:0} s of the batch");
        }

        var expected = N / FailEvery;
        if (tally.Failed != expected)
        {
            throw new WorkloadCheckException($"{tally.Failed} operations failed, not the {expected} the workload fails on purpose");
        }

        for (var round = 0; round < CollectionRounds && tally.Caught + tally.Unobserved < tally.Failed; round++)
        {
            if (round > 0)
            {
                Thread.Sleep(1 << (round - 1)); // the last operation's task faults just after it counted itself finished
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        return new BatchFailures(tally.Failed, tally.Caught, tally.Unobserved, tally.CallsTime?.TotalMilliseconds);
    }

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new FailingWorkload(new SleepWorkload(settings.Latency), FailEvery);

    /// <summary>Task: the strategy that awaits its operations; the fire-and-forget caller starts the same calls and drops them.</summary>
    protected override IEnumerable<StrategyKind> Strategies() => [StrategyKind.Task];

    /// <summary>N = 100 only: ten failures a batch, and a claim that does not depend on N.</summary>
    protected override IEnumerable<int> Ops() => [OpsPerBatch];

    protected override IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None];
}
