namespace IoBench.Core.Workloads;

/// <summary>A database file stayed locked by someone else for longer than the workload may wait: names the file.</summary>
public sealed class DatabaseLockedException(string message, Exception inner) : IOException(message, inner);
