using System.Diagnostics;

namespace IoBench.LatencyServer;

/// <summary>Builds a /stats snapshot of this process's threads.</summary>
internal static class StatsReader
{
    public static StatsResponse Read(ThreadPoolPeak peak, RequestCounter requests)
    {
        peak.Observe();
        ThreadPool.GetMinThreads(out var minWorker, out var minIo);
        return new StatsResponse(
            Environment.ProcessId,
            ReadOsThreadCount(),
            ThreadPool.ThreadCount,
            peak.Peak,
            ThreadPool.PendingWorkItemCount,
            minWorker,
            minIo,
            Environment.ProcessorCount,
            requests.Served);
    }

    private static int ReadOsThreadCount()
    {
        // /proc is one small read on Linux; Process.Threads enumerates every thread and is the portable fallback.
        if (OperatingSystem.IsLinux())
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Threads:", StringComparison.Ordinal) && int.TryParse(line.AsSpan(8).Trim(), out var count))
                {
                    return count;
                }
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.Threads.Count;
    }
}
