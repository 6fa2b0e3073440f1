using System.Globalization;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// What one batch did, printed by the benchmark process after the batch as one stdout line that the host reads back
/// (BenchmarkDotNet keeps each child's standard output in the report): the thread pool's threads before and after,
/// the peak of threads that ran operations, Sync%, allocations and completed work items of this batch alone.
/// </summary>
/// <param name="ServerThreads">The latency server's thread-pool threads after the batch (HTTP workloads only).</param>
public sealed record BatchMetrics(
    int PoolStart,
    int PoolEnd,
    int PeakThreads,
    double? SyncPercent,
    long Calls,
    long AllocatedBytes,
    long WorkItems,
    int? ServerThreads = null)
{
    public const string Prefix = "// IoBench.Batch";

    /// <summary>The form of the paired L sample taken just before this batch (device-decided latencies only).</summary>
    public WorkloadForm? LatencyForm { get; init; }

    /// <summary>The paired L sample, ms per operation, one operation after another just before the batch.</summary>
    public IReadOnlyList<double>? LatencySamples { get; init; }

    /// <summary>
    /// Memory per pending operation of the case's process (<see cref="PendingMemory"/>): measured once, in setup, and
    /// repeated on every batch line of a family that measures it.
    /// </summary>
    public PendingMemory? Memory { get; init; }

    /// <summary>Garbage collections (all generations) that ran during the batch, and their pauses in ms (GC.GetTotalPauseDuration).</summary>
    public (int Count, double PauseMs)? Collections { get; init; }

    /// <summary>The failures the batch's operations ended with, where they went, and the calls' time (the fire-and-forget family only).</summary>
    public BatchFailures? Failures { get; init; }

    /// <summary>The pool's thread count through the batch, sampled from a dedicated thread (the starvation lab only).</summary>
    public PoolTimeline? Timeline { get; init; }

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix} pool={PoolStart}->{PoolEnd} threads={PeakThreads} syncpct={(SyncPercent is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "-")} calls={Calls} alloc={AllocatedBytes} workitems={WorkItems}")
        + (ServerThreads is { } server ? string.Create(CultureInfo.InvariantCulture, $" serverthreads={server}") : string.Empty)
        + (LatencyForm is { } form && LatencySamples is { Count: > 0 } samples
            ? $" lform={form} lsamples={string.Join(',', samples.Select(v => v.ToString("0.####", CultureInfo.InvariantCulture)))}"
            : string.Empty)
        + (Collections is { } gc ? string.Create(CultureInfo.InvariantCulture, $" gcs={gc.Count} gcpausems={gc.PauseMs:0.###}") : string.Empty)
        + (Memory is { } memory ? string.Create(CultureInfo.InvariantCulture, $" rssbase={memory.BaselineBytes} rsspeak={memory.PeakBytes}") : string.Empty)
        + (Failures is { } failures ? failures.ToFields() : string.Empty)
        + (Timeline is { Samples.Count: > 0 } timeline ? $" timeline={timeline.Format()}" : string.Empty);

    public static BatchMetrics? Parse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = OutputLine.Fields(line, Prefix);
        if (!fields.TryGetValue("pool", out var pool) || pool.Split("->") is not [var start, var end])
        {
            return null;
        }

        double? sync = fields.TryGetValue("syncpct", out var text) && double.TryParse(text, CultureInfo.InvariantCulture, out var pct) ? pct : null;
        return new BatchMetrics(
            OutputLine.Int(start) ?? 0,
            OutputLine.Int(end) ?? 0,
            OutputLine.Int(fields.GetValueOrDefault("threads")) ?? 0,
            sync,
            OutputLine.Long(fields.GetValueOrDefault("calls")) ?? 0,
            OutputLine.Long(fields.GetValueOrDefault("alloc")) ?? 0,
            OutputLine.Long(fields.GetValueOrDefault("workitems")) ?? 0,
            OutputLine.Int(fields.GetValueOrDefault("serverthreads")))
        {
            LatencyForm = Enum.TryParse<WorkloadForm>(fields.GetValueOrDefault("lform"), out var form) ? form : null,
            LatencySamples = fields.GetValueOrDefault("lsamples")?.Split(',')
                .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) ? ms : double.NaN)
                .Where(double.IsFinite).ToList(),
            Collections = OutputLine.Int(fields.GetValueOrDefault("gcs")) is { } gcs && OutputLine.Double(fields.GetValueOrDefault("gcpausems")) is { } pause
                ? (gcs, pause)
                : null,
            Memory = OutputLine.Long(fields.GetValueOrDefault("rssbase")) is { } rssBase && OutputLine.Long(fields.GetValueOrDefault("rsspeak")) is { } rssPeak
                ? new PendingMemory(rssBase, rssPeak)
                : null,
            Failures = BatchFailures.Parse(fields),
            Timeline = PoolTimeline.Parse(fields.GetValueOrDefault("timeline")),
        };
    }
}
