using BenchmarkDotNet.Attributes;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Benchmarks;

/// <summary>How the caller treats the N operations it starts (the fire-and-forget claim).</summary>
public enum FailureCaller
{
    /// <summary>Awaits them all (the Task strategy: Task.WhenAll): a failure reaches the caller's await.</summary>
    Awaits,

    /// <summary>Starts them and returns without keeping or awaiting a task, as Spring's @Async void method or an un-awaited call does.</summary>
    FireAndForget,
}

/// <summary>
/// Claim 7, Spring's @Async pitfall in .NET: N Task.Delay(L) operations of which every tenth fails after its full
/// latency. With <see cref="FailureCaller.Awaits"/> the caller awaits them (the Task strategy, through the batch runner)
/// and its await throws; with <see cref="FailureCaller.FireAndForget"/> it starts them and returns, and sees nothing. The
/// failures that happened are counted by the workload whatever the caller did, once every operation of the batch has
/// ended (outside the timed region), and printed on the batch line beside the failures the caller saw: a fire-and-forget
/// batch looks instant and successful, and that is the finding. Every other operation's result is still checked: a batch
/// whose operations do not all end, or end with another failure, fails.
/// </summary>
[BenchmarkCategory(Categories.Sleep)]
public class FireAndForgetBenchmarks : BatchBenchmarks
{
    /// <summary>One operation in ten fails: ten failures in a batch of N = 100.</summary>
    public const int FailEvery = 10;

    public const int OpsPerBatch = 100;

    private FailureTally? _tally;
    private long _seen;

    [ParamsSource(nameof(CallerValues))]
    public FailureCaller Caller { get; set; }

    public IEnumerable<FailureCaller> CallerValues() => [FailureCaller.Awaits, FailureCaller.FireAndForget];

    [Benchmark]
    public override Task Batch()
    {
        _tally = ((FailingWorkload)BatchWorkload.Inner).BeginTally();
        _seen = 0;
        return Caller == FailureCaller.Awaits ? AwaitAllAsync() : FireAndForget();
    }

    /// <summary>The Task strategy's batch, awaited: its first failure reaches the caller (await rethrows one of the batch's exceptions).</summary>
    private async Task AwaitAllAsync()
    {
        try
        {
            await RunBatchAsync();
        }
        catch (InjectedFailureException)
        {
            _seen++;
        }
    }

    /// <summary>Starts every call and drops its task: the caller returns at once, whatever the calls will do.</summary>
    private Task FireAndForget()
    {
        var workload = BatchWorkload;
        for (var i = 0; i < N; i++)
        {
            _ = workload.RunAsync(CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>After the batch: every operation it started has ended (waited for here, untimed), and how many failed.</summary>
    protected override BatchFailures? MeasureFailures()
    {
        var tally = _tally ?? throw new InvalidOperationException("no batch ran");
        if (!tally.WaitFinished(N, Settings.BatchTimeout))
        {
            throw new WorkloadCheckException($"{tally.Finished} of {N} operations ended within {Settings.BatchTimeout.TotalSeconds:0} s of the batch");
        }

        var expected = N / FailEvery;
        return tally.Failed == expected
            ? new BatchFailures(tally.Failed, _seen)
            : throw new WorkloadCheckException($"{tally.Failed} operations failed, not the {expected} the workload fails on purpose");
    }

    protected override IWorkload CreateWorkload(SuiteSettings settings) => new FailingWorkload(new SleepWorkload(settings.Latency), FailEvery);

    /// <summary>Task: the strategy that awaits its operations; the fire-and-forget caller starts the same calls and drops them.</summary>
    protected override IEnumerable<StrategyKind> Strategies() => [StrategyKind.Task];

    /// <summary>N = 100 only: ten failures a batch, and a claim that does not depend on N.</summary>
    protected override IEnumerable<int> Ops() => [OpsPerBatch];

    protected override IEnumerable<ConcurrencyLimit> Limits() => [ConcurrencyLimit.None];
}
