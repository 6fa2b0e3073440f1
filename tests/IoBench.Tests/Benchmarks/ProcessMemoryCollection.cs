namespace IoBench.Tests.Benchmarks;

/// <summary>
/// Tests that force full collections and hold tens of megabytes on purpose run on their own, after the parallel ones:
/// allocation and working-set figures are process-wide, and a concurrent test's known 1,024 B per operation read
/// 1,194 B while these ran beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "Process-memory";
}
