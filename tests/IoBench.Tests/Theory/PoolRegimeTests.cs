using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Theory;

/// <summary>The stated rule for which cells are measured cold as well as steady.</summary>
public sealed class PoolRegimeTests
{
    [Theory]
    [InlineData(StrategyKind.ThreadPool, 0, 100, WorkloadTraits.None, true)] // blocking work items hold pool threads
    [InlineData(StrategyKind.TaskRun, 0, 10, WorkloadTraits.None, true)]
    [InlineData(StrategyKind.SyncOverAsync, 0, 100, WorkloadTraits.None, true)]
    [InlineData(StrategyKind.ThreadPool, 0, 2, WorkloadTraits.None, false)] // no more in flight than the pool starts with
    [InlineData(StrategyKind.Task, 0, 1000, WorkloadTraits.None, false)] // waits hold no thread
    [InlineData(StrategyKind.Thread, 0, 1000, WorkloadTraits.None, false)] // dedicated threads, not the pool
    [InlineData(StrategyKind.ThreadPool, 0, 100, WorkloadTraits.CpuBound, false)] // computing: more threads do not help
    [InlineData(StrategyKind.SyncOverAsync, 0, 10, WorkloadTraits.CpuBound, true)] // but blocking on the call still starves
    [InlineData(StrategyKind.Channel, 0, 100, WorkloadTraits.SynchronousAsync, true)] // consumers block pool threads on SQLite
    [InlineData(StrategyKind.Channel, 0, 100, WorkloadTraits.None, false)]
    [InlineData(StrategyKind.Task, 0, 100, WorkloadTraits.AsyncHoldsPoolThread, true)] // FileWrite: pwrite and fsync on pool threads
    [InlineData(StrategyKind.EventLoop, 0, 100, WorkloadTraits.AsyncHoldsPoolThread, true)]
    [InlineData(StrategyKind.Thread, 0, 100, WorkloadTraits.AsyncHoldsPoolThread, false)] // the blocking form on its own threads
    [InlineData(StrategyKind.Channel, 10, 100, WorkloadTraits.SynchronousAsync, true)]
    [InlineData(StrategyKind.Task, 0, 100, WorkloadTraits.ServerHoldsPoolThread, true)] // the server's pool grows instead
    [InlineData(StrategyKind.Sequential, 0, 100, WorkloadTraits.ServerHoldsPoolThread, false)] // one request at a time
    [InlineData(StrategyKind.ParallelForEach, 0, 100, WorkloadTraits.None, true)] // blocking calls on the pool's threads
    [InlineData(StrategyKind.ParallelForEach, 0, 100, WorkloadTraits.CpuBound, false)]
    [InlineData(StrategyKind.ParallelForEachAsync, 0, 100, WorkloadTraits.SynchronousAsync, false)] // the cores at most: what the pool starts with
    [InlineData(StrategyKind.ParallelForEachAsync, 0, 100, WorkloadTraits.AsyncHoldsPoolThread, false)]
    [InlineData(StrategyKind.ParallelForEachAsyncUnbounded, 0, 100, WorkloadTraits.None, false)] // pending calls hold no thread
    [InlineData(StrategyKind.ParallelForEachAsyncUnbounded, 0, 100, WorkloadTraits.SynchronousAsync, true)] // workers block pool threads on SQLite
    [InlineData(StrategyKind.ParallelForEachAsyncUnbounded, 0, 100, WorkloadTraits.AsyncHoldsPoolThread, true)]
    public void DependsOnPoolHistory_Rule(StrategyKind kind, int limit, int count, WorkloadTraits traits, bool expected) =>
        Assert.Equal(expected, PoolRegime.DependsOnPoolHistory(kind, limit, count, traits, cores: 2));
}
