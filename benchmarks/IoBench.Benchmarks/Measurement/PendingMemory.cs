namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// Memory per pending operation: one batch run outside the measured ones (in global setup, after a warm batch), from an
/// idle baseline (after a full, compacting, decommitting collection) to the peak working set while the batch's N
/// operations were pending. It is measured once per process and printed on every batch line, so it travels with the
/// measured batches through the existing // IoBench.Batch channel.
/// </summary>
/// <param name="BaselineBytes">The working set after the collection, just before the batch started.</param>
/// <param name="PeakBytes">The peak working set during the batch.</param>
public readonly record struct PendingMemory(long BaselineBytes, long PeakBytes)
{
    public long Bytes => Math.Max(0, PeakBytes - BaselineBytes);

    /// <summary>Runs <paramref name="batch"/> once between an idle baseline and the peak; null where /proc is not there.</summary>
    public static async Task<PendingMemory?> MeasureAsync(Func<Task> batch)
    {
        // Aggressive: compacts and gives freed memory back to the OS, so that the baseline is the process at rest and the
        // batch must touch the memory its pending operations hold (garbage of earlier batches would otherwise absorb it).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (ProcessMemory.ResetPeak() is not { } baseline)
        {
            return null;
        }

        await batch();
        return ProcessMemory.Peak is { } peak ? new PendingMemory(baseline, peak) : null;
    }
}
