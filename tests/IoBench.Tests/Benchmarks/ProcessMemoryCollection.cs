namespace IoBench.Tests.Benchmarks;

/// <summary>
/// Tests that force full collections and hold tens of megabytes on purpose, and tests that read process-wide
/// allocation figures, run on their own, after the parallel ones: a known 1,024 B per operation read 1,194 B beside the
/// memory tests, and 1,057.9 B beside the ordinary parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "Process-memory";
}
