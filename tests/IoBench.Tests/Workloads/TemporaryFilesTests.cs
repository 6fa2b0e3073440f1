using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

/// <summary>The SQLite and file workloads leave nothing in the temp folder after cleanup, whether or not their batch failed.</summary>
public sealed class TemporaryFilesTests
{
    [Theory]
    [InlineData(WorkloadNames.SqliteQuery)]
    [InlineData(WorkloadNames.SqliteSleep)]
    [InlineData(WorkloadNames.SqliteWrite)]
    [InlineData(WorkloadNames.FileWrite)]
    public async Task DisposeAsync_AfterABatchThatMissedItsDeadline_RemovesTheTemporaryFolder(string name)
    {
        var workload = SyncPercentTests.Create(name);
        await workload.SetupAsync(CancellationToken.None);
        var folder = FolderOf(workload);
        Assert.True(Directory.Exists(folder));

        // A deadline far below N operations: the batch fails (a timeout, or a cancelled operation).
        await Assert.ThrowsAnyAsync<Exception>(() =>
            BatchRunner.RunAsync(Strategy.Create(StrategyKind.Sequential), new ProbedWorkload(workload), 100_000, TimeSpan.FromMilliseconds(50)));
        await workload.DisposeAsync();

        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData(WorkloadNames.SqliteSleep)]
    [InlineData(WorkloadNames.FileWrite)]
    public async Task DisposeAsync_AfterAnOperationThrew_RemovesTheTemporaryFolder(string name)
    {
        var workload = SyncPercentTests.Create(name);
        await workload.SetupAsync(CancellationToken.None);
        var folder = FolderOf(workload);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Strategy.Create(StrategyKind.Task).RunAsync(workload, 10, cancelled.Token));
        await workload.DisposeAsync();

        Assert.False(Directory.Exists(folder));
    }

    private static string FolderOf(IWorkload workload) => workload switch
    {
        SqliteQueryWorkload query => query.Database!.Folder,
        SqliteSleepWorkload sleep => sleep.Database!.Folder,
        SqliteWriteWorkload write => write.Database!.Folder,
        FileWriteWorkload file => file.Folder!,
        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };
}
