namespace IoBench.Core.Workloads;

/// <summary>
/// What a workload's operation does that decides which laws apply to it: the cell plan and the thread-pool regime rule
/// read these from the workload itself, so a new workload states them once.
/// </summary>
[Flags]
public enum WorkloadTraits
{
    None = 0,

    /// <summary>The operation computes rather than waits: no strategy beats ceil(N/cores) x L.</summary>
    CpuBound = 1,

    /// <summary>
    /// The async form completes synchronously (Microsoft.Data.Sqlite: "SQLite doesn't support asynchronous I/O"): it
    /// blocks its caller for L like the blocking form, so strategies that make every call from one thread run them one
    /// after another, and strategies that make the call on a pool thread hold that thread for L.
    /// </summary>
    SynchronousAsync = 2,

    /// <summary>The server holds one thread-pool thread per request for L (a blocking handler on a default-sized pool).</summary>
    ServerHoldsPoolThread = 4,

    /// <summary>
    /// The async form blocks a thread-pool thread for its I/O: .NET runs RandomAccess.WriteAsync as a blocking pwrite on a
    /// pool thread on Linux, and there is no asynchronous fsync, so many async calls at once hold many pool threads.
    /// </summary>
    AsyncHoldsPoolThread = 8,
}
