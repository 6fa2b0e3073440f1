using System.Runtime.CompilerServices;

namespace IoBench.Core.Workloads;

/// <summary>
/// An operation with no latency at all, so that a batch measures the strategy alone: the blocking form returns at once;
/// the async form either returns an already completed ValueTask (<see cref="Yields"/> false: the cost of starting and
/// joining, with no continuation) or yields once (true: one continuation queued to the thread pool or the caller's
/// context and resumed, the least a truly pending operation costs).
/// </summary>
/// <remarks>
/// One workload with a parameter rather than three: the blocking form is the same return in both variants, so a
/// blocking strategy's cell would only be measured twice. Its nominal L is zero, which the suite already reads as "no
/// nominal latency" (no N×L budget, L sampled around every batch, the operation warmed through the JIT's tiers).
/// It states <see cref="WorkloadTraits.CpuBound"/>: with nothing to wait for, all that is left is computation (the
/// strategy's own), so no cell depends on how many threads the pool grew.
/// </remarks>
public sealed class ZeroLatencyWorkload(bool yields) : IWorkload
{
    // Striped by core: the check counts every operation, and a shared counter would charge pool strategies for the
    // cache line moving between the cores (issue 19).
    private readonly CoreStripedCount _operations = new();

    public string Name => WorkloadNames.ZeroLatency;

    public bool Yields => yields;

    public TimeSpan Latency => TimeSpan.Zero;

    public WorkloadTraits Traits => WorkloadTraits.CpuBound;

    /// <summary>Operations completed in either form (the workload's own check that each call ran to its end).</summary>
    public long Operations => _operations.Value;

    public Task SetupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Run(CancellationToken cancellationToken) => _operations.Increment();

    public ValueTask RunAsync(CancellationToken cancellationToken)
    {
        if (!yields)
        {
            _operations.Increment();
            return default;
        }

        return YieldOnceAsync();
    }

    // Task.Yield queues the continuation (to the pool, or to the event loop's SynchronizationContext) and returns:
    // the operation is pending once, then completes; the pooled builder keeps the state machine from being a new object.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask YieldOnceAsync()
    {
        await Task.Yield();
        _operations.Increment();
    }

    public ValueTask DisposeAsync() => default;
}
