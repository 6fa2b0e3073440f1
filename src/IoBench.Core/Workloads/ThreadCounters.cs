namespace IoBench.Core.Workloads;

/// <summary>
/// Counts kept per thread and summed when read, so that counting stays off the measured path: each thread that counts
/// takes a cell of its own (<see cref="ThreadCounts"/>) once per batch and then increments it with plain writes, where a
/// shared Interlocked counter costs an atomic instruction per operation and, under a pool strategy, its cache line
/// moving between the cores at every operation. The cells are allocated outside the batches (<see cref="Reset"/> sets
/// aside as many as the last batch took), so a measured batch allocates none once the process is warm.
/// </summary>
/// <remarks>
/// Read the counts only when no thread is counting: after the batch, whose completion orders its writes before the read.
/// A thread remembers its cell and the epoch it took it in; every <see cref="Reset"/> starts a new epoch, unique in the
/// process, so a thread that counted in an earlier batch, or for other counters, takes a fresh cell, and no two threads
/// ever write one cell.
/// </remarks>
internal sealed class ThreadCounters
{
    // Enough for the batch's thread, a 2-core pool's threads and an event loop; a batch that takes more adds them.
    private const int InitialCells = 16;

    private static long s_epochs;

    [ThreadStatic]
    private static ThreadCounts? t_cell;

    [ThreadStatic]
    private static long t_epoch;

    private readonly object _gate = new();
    private ThreadCounts[] _cells = NewCells(InitialCells, []);
    private int _taken;
    private long _epoch = Interlocked.Increment(ref s_epochs);

    /// <summary>This thread's cell for the current epoch.</summary>
    public ThreadCounts Mine => t_epoch == _epoch ? t_cell! : Take();

    public long SumFirst => Sum(static c => c.First);

    public long SumSecond => Sum(static c => c.Second);

    public long SumThird => Sum(static c => c.Third);

    /// <summary>The highest <see cref="ThreadCounts.Peak"/> of any thread.</summary>
    public int MaxPeak => (int)Aggregate(static c => c.Peak, Math.Max);

    /// <summary>Clears every count and starts a new epoch; call it between batches, never during one.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            var taken = Math.Min(_taken, _cells.Length);
            for (var i = 0; i < taken; i++)
            {
                _cells[i].Clear();
            }

            // As many free cells as the last batch took (a Thread batch takes one per operation), before the next starts.
            if (_taken > _cells.Length / 2)
            {
                _cells = NewCells(_taken * 2, _cells);
            }

            _taken = 0;
            Volatile.Write(ref _epoch, Interlocked.Increment(ref s_epochs));
        }
    }

    private ThreadCounts Take()
    {
        var index = Interlocked.Increment(ref _taken) - 1;
        var cells = Volatile.Read(ref _cells);
        if (index >= cells.Length)
        {
            lock (_gate)
            {
                // More threads than the cells set aside: a first batch, or more threads than the last one had.
                if (index >= _cells.Length)
                {
                    Volatile.Write(ref _cells, NewCells(Math.Max(index + 1, _cells.Length * 2), _cells));
                }

                cells = _cells;
            }
        }

        var cell = cells[index];
        t_cell = cell;
        t_epoch = Volatile.Read(ref _epoch);
        return cell;
    }

    private long Sum(Func<ThreadCounts, long> count) => Aggregate(count, static (a, b) => a + b);

    private long Aggregate(Func<ThreadCounts, long> count, Func<long, long, long> combine)
    {
        lock (_gate)
        {
            Interlocked.MemoryBarrier();
            var result = 0L;
            var taken = Math.Min(Volatile.Read(ref _taken), _cells.Length);
            for (var i = 0; i < taken; i++)
            {
                result = combine(result, count(_cells[i]));
            }

            return result;
        }
    }

    private static ThreadCounts[] NewCells(int count, ThreadCounts[] kept)
    {
        var cells = new ThreadCounts[count];
        Array.Copy(kept, cells, kept.Length);
        for (var i = kept.Length; i < count; i++)
        {
            cells[i] = new ThreadCounts();
        }

        return cells;
    }
}
