namespace IoBench.LatencyServer;

/// <summary>Body of /stats: thread figures that show whether the server's pool is a limit.</summary>
internal sealed record StatsResponse(
    int ProcessId,
    int OsThreadCount,
    int ThreadPoolThreadCount,
    int PeakThreadPoolThreadCount,
    long PendingWorkItemCount,
    int MinWorkerThreads,
    int MinIoThreads,
    int ProcessorCount,
    long RequestsServed); // since start; /stats/reset leaves it
