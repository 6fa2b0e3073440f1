using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace IoBench.Core.Workloads;

/// <summary>
/// Writes a 4 KiB block at a scattered offset of a preallocated file and flushes it to disk (fsync), then reads the
/// block's stamp back. Blocking form: RandomAccess.Write + FlushToDisk. Async form: RandomAccess.WriteAsync on a
/// handle opened with FileOptions.Asynchronous, then FlushToDisk. On Linux .NET has no asynchronous file I/O: WriteAsync
/// queues a blocking pwrite to the thread pool, and no async fsync exists (FileStream.FlushAsync does not fsync), so
/// the fsync blocks whichever thread the continuation runs on. The latency is the disk's, not L.
/// </summary>
public sealed class FileWriteWorkload : IWorkload
{
    public const int BlockSize = 4096;

    /// <summary>Blocks in the file (16 MiB): a power of two, so that <see cref="OffsetOf"/> is a permutation.</summary>
    public const int Blocks = 4096;

    private SafeFileHandle? _handle;
    private long _operations;

    public string Name => WorkloadNames.FileWrite;

    /// <summary>No nominal L: a write takes what the disk's fsync takes (the L sample measures it).</summary>
    public TimeSpan Latency => TimeSpan.Zero;

    public WorkloadTraits Traits => WorkloadTraits.AsyncHoldsPoolThread;

    /// <summary>The temporary folder that holds the file (null before setup).</summary>
    public string? Folder { get; private set; }

    public Task SetupAsync(CancellationToken cancellationToken)
    {
        if (_handle is not null)
        {
            return Task.CompletedTask;
        }

        Folder = TemporaryFolder.Create("iobench-file-");
        try
        {
            _handle = File.OpenHandle(Path.Combine(Folder, "blocks.bin"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.Asynchronous);

            // Written out in full once, so that the measured writes overwrite allocated blocks rather than allocate them.
            var zeros = new byte[1 << 20];
            for (long offset = 0; offset < (long)BlockSize * Blocks; offset += zeros.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RandomAccess.Write(_handle, zeros, offset);
            }

            RandomAccess.FlushToDisk(_handle);
        }
        catch
        {
            Delete();
            throw;
        }

        return Task.CompletedTask;
    }

    public void Run(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var handle = Handle();
        var (stamp, offset, block) = Prepare();
        try
        {
            RandomAccess.Write(handle, block.AsSpan(0, BlockSize), offset);
            RandomAccess.FlushToDisk(handle);
            Check(handle, stamp, offset, block);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var handle = Handle();
        var (stamp, offset, block) = Prepare();
        try
        {
            await RandomAccess.WriteAsync(handle, block.AsMemory(0, BlockSize), offset, cancellationToken).ConfigureAwait(false);

            // No asynchronous fsync exists in .NET: this blocks the thread the continuation runs on.
            RandomAccess.FlushToDisk(handle);
            Check(handle, stamp, offset, block);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    public ValueTask DisposeAsync()
    {
        Delete();
        return default;
    }

    /// <summary>
    /// Operation n writes block (n x an odd constant) mod Blocks: scattered over the file, and no two of any Blocks
    /// consecutive operations share a block, so concurrent operations never overwrite each other's stamp.
    /// </summary>
    public static long OffsetOf(long operation) => (operation * 0x9E3779B1L & (Blocks - 1)) * BlockSize;

    private (long Stamp, long Offset, byte[] Block) Prepare()
    {
        var stamp = Interlocked.Increment(ref _operations);
        var block = ArrayPool<byte>.Shared.Rent(BlockSize);
        BinaryPrimitives.WriteInt64LittleEndian(block, stamp);
        return (stamp, OffsetOf(stamp), block);
    }

    private static void Check(SafeFileHandle handle, long stamp, long offset, byte[] block)
    {
        Span<byte> written = stackalloc byte[sizeof(long)];
        var read = RandomAccess.Read(handle, written, offset);
        if (read != written.Length || BinaryPrimitives.ReadInt64LittleEndian(written) != stamp)
        {
            throw new WorkloadCheckException($"Block at offset {offset} does not hold stamp {stamp} after the write.");
        }
    }

    private SafeFileHandle Handle() =>
        _handle ?? throw new InvalidOperationException("FileWriteWorkload.SetupAsync must run before the first operation.");

    private void Delete()
    {
        _handle?.Dispose();
        _handle = null;
        if (Folder is not null)
        {
            TemporaryFolder.Delete(Folder);
        }
    }
}
