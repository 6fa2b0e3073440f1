namespace IoBench.Core.Http;

/// <summary>The latency server's GET /stats: its own threads, which show whether its pool (not the client) is the limit.</summary>
public sealed record LatencyServerStats(
    int ProcessId,
    int OsThreadCount,
    int ThreadPoolThreadCount,
    int PeakThreadPoolThreadCount,
    long PendingWorkItemCount,
    int MinWorkerThreads,
    int MinIoThreads,
    int ProcessorCount);
