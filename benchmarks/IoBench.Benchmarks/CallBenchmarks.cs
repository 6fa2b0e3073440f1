using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks;

/// <summary>
/// The families of a user's own call (--http-call, --sql-call): the call under every strategy, N from 1 to 1000
/// (<see cref="CallPlan.Ladder"/>, or --ops) within the batch budget at the call's L as the host's probe measured it, and
/// within the run's time cap (<see cref="CallPlan.WhyNotRun"/>). The call has no nominal L: it is sampled around every
/// batch, like a device's. Only the steady regime is measured (<see cref="SuiteConfig.Regimes"/> says why).
/// </summary>
[BenchmarkCategory(Categories.Call)]
// The K rows show the ceil(N/K)×L waves by then; the report's decision section computes the law for every N from L.
[RunsUpTo(100, "K = 10 shows the ceil(N/K)×L waves up to 10 waves; the decision section gives the law at every N", StrategyKind.Channel, StrategyKind.Bounded, LimitedRowsOnly = true)]
[RunsUpTo(10, "one at a time like Sequential, which shows N×L as far as the batch budget allows", StrategyKind.SequentialAwait, StrategyKind.EventLoopBlocking)]
// Sync-over-async starves the pool whatever the call does: HTTP's cold batch of N = 100 took 22 s, Npgsql's minutes at N = 200.
[RunsUpTo(10, "sync-over-async starves the pool whatever the call: seconds to minutes per batch beyond N = 10 (HttpDelay, PostgresSleep)", StrategyKind.SyncOverAsync)]
public abstract class CallBenchmarks : BatchBenchmarks
{
    /// <summary>The ladder of N unless --ops chose them.</summary>
    protected override IEnumerable<int> Ops() => DefaultOpsUnlessChosen([.. CallPlan.Ladder]);

    /// <summary>
    /// The warm batches (batches until their code tiers up, or bursts until the pool settles) warm the call's code too: a
    /// second warm-up of single calls would cost every case a second of the run's time cap.
    /// </summary>
    protected override bool WarmsSingleOperations => false;

    /// <summary>
    /// Holds the run's time cap inside a case too: a case the host started in time but that runs long (a target that
    /// slowed down) stops before its next batch once the cap has passed; the host reports it as cut by the cap.
    /// </summary>
    protected override void BeforeBatch()
    {
        if (Calls.TimeCapClock.DeadlinePassed)
        {
            throw new TimeoutException($"{Calls.TimeCapClock.PassedDuringCase} (--time-cap-s {Settings.TimeCapSeconds}): its other batches are not run");
        }
    }
}
