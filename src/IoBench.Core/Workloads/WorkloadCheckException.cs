namespace IoBench.Core.Workloads;

/// <summary>An operation completed but its result was wrong: the batch must fail, not look fast.</summary>
public sealed class WorkloadCheckException(string message) : Exception(message);
