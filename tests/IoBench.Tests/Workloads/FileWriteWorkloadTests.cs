using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

public sealed class FileWriteWorkloadTests
{
    [Fact]
    public void OffsetOf_AnyBlocksConsecutiveOperations_HitEveryBlockOnce()
    {
        var offsets = Enumerable.Range(1_000, FileWriteWorkload.Blocks).Select(n => FileWriteWorkload.OffsetOf(n)).ToHashSet();

        Assert.Equal(FileWriteWorkload.Blocks, offsets.Count);
        Assert.All(offsets, o => Assert.Equal(0, o % FileWriteWorkload.BlockSize));
        Assert.Equal((long)(FileWriteWorkload.Blocks - 1) * FileWriteWorkload.BlockSize, offsets.Max());
    }

    [Fact]
    public async Task RunAndRunAsync_AfterSetup_WriteCheckedBlocksIntoAPreallocatedFile()
    {
        await using var workload = new FileWriteWorkload();
        await workload.SetupAsync(CancellationToken.None);
        var file = Directory.GetFiles(workload.Folder!).Single();
        Assert.Equal((long)FileWriteWorkload.BlockSize * FileWriteWorkload.Blocks, new FileInfo(file).Length);

        for (var i = 0; i < 10; i++)
        {
            workload.Run(CancellationToken.None);
            await workload.RunAsync(CancellationToken.None);
        }

        Assert.Equal((long)FileWriteWorkload.BlockSize * FileWriteWorkload.Blocks, new FileInfo(file).Length);
    }
}
