namespace IoBench.Core.Strategies;

/// <summary>Which of a workload's two forms a strategy calls.</summary>
public enum WorkloadForm
{
    Blocking,
    Async,
}
