using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

/// <summary>The zero-latency operation: nothing to wait for, and the two async variants differ only in being pending once.</summary>
public sealed class ZeroLatencyWorkloadTests
{
    [Fact]
    public async Task RunAsync_Immediate_ReturnsCompletedAndCounts()
    {
        await using var workload = new ZeroLatencyWorkload(yields: false);

        var pending = workload.RunAsync(CancellationToken.None);

        Assert.True(pending.IsCompletedSuccessfully);
        await pending;
        Assert.Equal(1, workload.Operations);
    }

    [Fact]
    public async Task RunAsync_Yield_IsPendingOnceThenCompletes()
    {
        await using var workload = new ZeroLatencyWorkload(yields: true);
        var loop = new QueueingContext();
        var previous = SynchronizationContext.Current;
        ValueTask pending;
        SynchronizationContext.SetSynchronizationContext(loop);
        try
        {
            pending = workload.RunAsync(CancellationToken.None);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        // Task.Yield always queues the rest (here to a context that runs nothing until told): a variant that completed at
        // once would measure the Immediate cost twice.
        Assert.False(pending.IsCompleted);
        Assert.Equal(0, workload.Operations);
        Assert.Equal(1, loop.RunAll());
        Assert.True(pending.IsCompletedSuccessfully);
        await pending;
        Assert.Equal(1, workload.Operations);
    }

    /// <summary>An event loop that runs what was posted to it only when asked.</summary>
    private sealed class QueueingContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();

        public override void Post(SendOrPostCallback d, object? state) => _posted.Enqueue((d, state));

        public int RunAll()
        {
            var ran = 0;
            while (_posted.TryDequeue(out var item))
            {
                item.Callback(item.State);
                ran++;
            }

            return ran;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_ReturnsAtOnceInBothVariantsAndCounts(bool yields)
    {
        var workload = new ZeroLatencyWorkload(yields);

        workload.Run(CancellationToken.None);
        workload.Run(CancellationToken.None);

        Assert.Equal(2, workload.Operations);
    }

    [Fact]
    public void Description_HasNoLatencyAndComputesOnly()
    {
        var workload = new ZeroLatencyWorkload(yields: true);

        // Zero = "no nominal L" (no N×L budget, paired L sample); CpuBound = no cell depends on the pool's history.
        Assert.Equal(TimeSpan.Zero, workload.Latency);
        Assert.Equal(WorkloadTraits.CpuBound, workload.Traits);
        Assert.Equal(WorkloadNames.ZeroLatency, workload.Name);
    }

    [Fact]
    public async Task RunAsync_YieldManyAtOnce_AllComplete()
    {
        await using var workload = new ZeroLatencyWorkload(yields: true);

        await Task.WhenAll(Enumerable.Range(0, 10_000).Select(_ => workload.RunAsync(CancellationToken.None).AsTask()));

        Assert.Equal(10_000, workload.Operations);
    }
}
