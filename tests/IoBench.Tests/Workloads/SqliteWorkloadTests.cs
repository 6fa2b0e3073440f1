using System.Diagnostics;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

public sealed class SqliteWorkloadTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SqliteQuery_AfterSetup_TakesAboutLPerOperationAndChecksItsRows()
    {
        await using var workload = new SqliteQueryWorkload(TimeSpan.FromMilliseconds(20));
        await workload.SetupAsync(CancellationToken.None);

        Assert.True(workload.RowsScanned > 1_000, $"{workload.RowsScanned} rows per operation");
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            workload.Run(CancellationToken.None);
            await workload.RunAsync(CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds / 2);
        }

        // Wide band: a shared 2-core machine; the point is "about L", not 2 ms or 200 ms.
        Assert.InRange(times.Order().ElementAt(2), 5, 80);
    }

    [Fact]
    public async Task SqliteQuery_RowsChangedBehindItsBack_ThrowsWorkloadCheckException()
    {
        await using var workload = new SqliteQueryWorkload(TimeSpan.FromMilliseconds(10));
        await workload.SetupAsync(CancellationToken.None);
        using (var connection = workload.Database!.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE orders SET product = 'tampered'";
            command.ExecuteNonQuery();
        }

        Assert.Throws<WorkloadCheckException>(() => workload.Run(CancellationToken.None));
        await Assert.ThrowsAsync<WorkloadCheckException>(() => workload.RunAsync(CancellationToken.None).AsTask());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SqliteSleep_OneOperation_HoldsItsConnectionForL(bool async)
    {
        var latency = TimeSpan.FromMilliseconds(300);
        await using var workload = new SqliteSleepWorkload(latency);
        await workload.SetupAsync(CancellationToken.None);
        var database = workload.Database!;

        // A thread of its own, so that a busy thread pool cannot delay the start; the test thread watches the connection.
        var operation = new Thread(() =>
        {
            if (async)
            {
                workload.RunAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
            else
            {
                workload.Run(CancellationToken.None);
            }
        });
        operation.Start();
        SpinWait.SpinUntil(() => database.ConnectionsInUse == 1, TimeSpan.FromSeconds(10));
        var opened = Stopwatch.GetTimestamp();
        SpinWait.SpinUntil(() => database.ConnectionsInUse == 0, TimeSpan.FromSeconds(10));
        var held = Stopwatch.GetElapsedTime(opened);
        operation.Join();

        Assert.Equal(1, database.PeakConnectionsInUse);
        // 0.5 L: SpinUntil sleeps between polls and a busy 2-core machine can delay seeing the open (the test thread stalled
        // for tens of ms); ~0 would mean no hold.
        Assert.True(held >= latency * 0.5, $"held its connection for {held.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task SqliteSleep_TenThreads_HoldTenConnectionsAtOnce()
    {
        // L of a second: ten threads start well within it even on a loaded machine.
        await using var workload = new SqliteSleepWorkload(TimeSpan.FromSeconds(1));
        await workload.SetupAsync(CancellationToken.None);

        await BatchRunner.RunAsync(Strategy.Create(StrategyKind.Thread), new ProbedWorkload(workload), 10, Deadline);

        Assert.Equal(10, workload.Database!.PeakConnectionsInUse);
    }

    [Theory]
    [InlineData(StrategyKind.Thread)]
    [InlineData(StrategyKind.SyncOverAsync)]
    [InlineData(StrategyKind.Task)]
    public async Task SqliteWrite_TenConcurrentWriters_NeitherLockErrorsNorLostRows(StrategyKind kind)
    {
        await using var workload = new SqliteWriteWorkload();
        await workload.SetupAsync(CancellationToken.None);
        var seeded = workload.Database!.SeededRows;

        // Five batches of ten writers; the threads of Thread and SyncOverAsync contend for the one write lock.
        for (var i = 0; i < 5; i++)
        {
            await BatchRunner.RunAsync(Strategy.Create(kind), new ProbedWorkload(workload), 10, Deadline);
        }

        Assert.Equal(50, workload.Written);
        Assert.Equal(seeded + 50, workload.Database.CountRows());
    }
}
