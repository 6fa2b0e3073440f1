using IoBench.Benchmarks;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Measurement;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Benchmarks.Measurement;

/// <summary>Memory per pending operation: measured from an idle baseline to the peak, carried on the batch lines, shown per operation.</summary>
[Collection(ProcessMemoryCollection.Name)] // forces full collections and holds 64 MB: process-wide figures
public sealed class PendingMemoryTests
{
    [Fact]
    public async Task MeasureAsync_BatchThatHoldsKnownMemory_SeesAtLeastThatMuch()
    {
        const int bytes = 64 << 20;
        byte[]? held = null;

        var memory = await PendingMemory.MeasureAsync(() =>
        {
            // Touch every page: reserved but untouched memory is not in the working set.
            held = new byte[bytes];
            for (var i = 0; i < held.Length; i += 4096)
            {
                held[i] = 1;
            }

            return Task.CompletedTask;
        });

        GC.KeepAlive(held);
        Assert.NotNull(memory); // /proc is there on the machines the suite runs on (Linux)
        Assert.InRange(memory.Value.Bytes, bytes, bytes * 2L);
    }

    [Fact]
    public async Task MeasureAsync_BatchThatHoldsNothing_SeesLittle()
    {
        var memory = await PendingMemory.MeasureAsync(() => Task.CompletedTask);

        Assert.NotNull(memory);
        Assert.InRange(memory.Value.Bytes, 0, 16L << 20);
    }

    [Fact]
    public void BatchLine_WithMemoryAndCollections_RoundTrips()
    {
        var metrics = new BatchMetrics(2, 3, 4, 0, 100, 5000, 100) { Memory = new PendingMemory(1_000_000, 1_250_000), Collections = (3, 12.5) };

        var back = BatchMetrics.Parse(metrics.ToLine());

        Assert.NotNull(back);
        Assert.Equal(new PendingMemory(1_000_000, 1_250_000), back.Memory);
        Assert.Equal((3, 12.5), back.Collections);
        Assert.Equal(250_000, back.Memory!.Value.Bytes);
    }

    [Fact]
    public void BatchLine_WithoutMemory_HasNone()
    {
        var back = BatchMetrics.Parse(new BatchMetrics(2, 2, 1, null, 10, 0, 0).ToLine());

        Assert.Null(back!.Memory);
        Assert.Null(back.Collections);
    }

    [Fact]
    public void Column_KnownPendingMemory_IsBytesPerOperation()
    {
        var line = new BatchMetrics(2, 2, 1, 0, 1000, 0, 1000) { Memory = new PendingMemory(40_000_000, 40_200_000), Collections = (1, 2) }.ToLine();
        var summary = KnownSummary.Create((StrategyKind.Task, 1000, 0, 25, line), (StrategyKind.Bounded, 1000, 0, 25, null));

        Assert.Equal("200 B", KnownSummary.Value(summary, new PendingMemoryColumn(), StrategyKind.Task, 1000));
        Assert.Equal("-", KnownSummary.Value(summary, new PendingMemoryColumn(), StrategyKind.Bounded, 1000));
        Assert.Equal("2.0 ms (1)", KnownSummary.Value(summary, new GcPauseColumn(), StrategyKind.Task, 1000));
    }

    [Fact]
    public async Task ScalingFamily_SteadySetup_PutsPendingMemoryOnEveryBatchLine()
    {
        var family = new ScalingBenchmarks { Strategy = StrategyKind.Task, N = 20_000, K = default, RegimeOverride = PoolRegime.Steady };
        family.Setup();
        try
        {
            var threadsBefore = ThreadPool.ThreadCount;
            family.BeginBatch();
            await family.Batch();
            var metrics = family.MeasureBatchEnd();

            // 20,000 pending Task.Delay hold a Task and a timer each, all alive until the batch ends: the working set the
            // batch adds is about what the batch allocates (176 B an operation in the published scaling run, where pending
            // memory read 178-191 B). The defect: pending memory that misses the batch (a baseline taken after it, a peak
            // never reset) or counts the process (no baseline) - either lands far outside 25% of the bytes the same batch
            // allocated, measured here in the same process.
            Assert.NotNull(metrics.Memory);
            var allocated = metrics.AllocatedBytes / 20_000.0;
            Assert.InRange(allocated, 100, 1_000); // the known allocation itself: a Task, its timer and the probe's share
            // Failed twice under load (276.7 and 368-410 B against ~190 B allocated), never reproduced (4 runs at load 21-24
            // read 177-178 B): the message keeps what a next failure needs to be explained (the pool's growth, the RSS pair).
            var pending = metrics.Memory.Value.Bytes / 20_000.0;
            Assert.True(pending >= allocated * 0.75 && pending <= allocated * 1.25,
                $"pending {pending:0.0} B/op against {allocated:0.0} B/op allocated (band 0.75-1.25x); working set {metrics.Memory.Value.BaselineBytes:N0} -> "
                + $"{metrics.Memory.Value.PeakBytes:N0} B; pool threads {threadsBefore} -> {ThreadPool.ThreadCount}; load {File.ReadAllText("/proc/loadavg").Trim()}");
            Assert.NotNull(metrics.Collections);
        }
        finally
        {
            family.Cleanup();
        }
    }

    [Fact]
    public async Task BatchFamily_DoesNotMeasurePendingMemory()
    {
        var family = new SleepBenchmarks { Strategy = StrategyKind.Task, N = 10, K = default, RegimeOverride = PoolRegime.Steady };
        family.Setup();
        try
        {
            family.BeginBatch();
            await family.Batch();

            // A forced collection before a measured batch slows the batch after it: only the families that ask pay for one.
            Assert.Null(family.MeasureBatchEnd().Memory);
        }
        finally
        {
            family.Cleanup();
        }
    }
}
