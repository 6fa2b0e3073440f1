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
        // Raise the process's peak working set first, whatever ran before: a peak never reset (one of the defects) then
        // reads at least 32 MB / 20,000 = 1,678 B/op, outside the band below in any test order.
        var ballast = new byte[32 << 20];
        for (var i = 0; i < ballast.Length; i += 4096)
        {
            ballast[i] = 1;
        }

        GC.KeepAlive(ballast);
        ballast = null;
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
            // memory read 178-191 B). The defect: pending memory that misses the batch (a baseline taken after it: about 0;
            // a peak never reset: 1,678 B/op or more after the ballast above) or counts the process (no baseline: the whole
            // working set, 90-230 MB here, 4,500 B/op or more).
            // The band's top is 4x, not the 1.25x this test had: in the test process, which holds everything the other tests
            // loaded, the working set grew by more than the batch allocated: 317 B/op against 176 B/op in a full fresh-clone run
            // at load 2.2 (a 226 MB process, the pool at 9 threads before and after: not the pool's growth), 277 B/op and 368-410
            // B/op in earlier full runs under load, while alone in a 94 MB test process it read 177-178 B/op at load 21-24.
            // The suite measures it in a benchmark process of its own (the published scaling run's 178-191 B/op).
            Assert.NotNull(metrics.Memory);
            var allocated = metrics.AllocatedBytes / 20_000.0;
            Assert.InRange(allocated, 100, 1_000); // the known allocation itself: a Task, its timer and the probe's share
            var pending = metrics.Memory.Value.Bytes / 20_000.0;
            Assert.True(pending >= allocated * 0.75 && pending <= allocated * 4,
                $"pending {pending:0.0} B/op against {allocated:0.0} B/op allocated (band 0.75-4x); working set {metrics.Memory.Value.BaselineBytes:N0} -> "
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
