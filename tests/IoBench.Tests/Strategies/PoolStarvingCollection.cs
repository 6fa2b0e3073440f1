namespace IoBench.Tests.Strategies;

/// <summary>
/// Tests that starve this process's thread pool on purpose (hundreds of work items blocked for a second) run on their
/// own, after the parallel ones: the pool is shared by every test in the process, and a starved second stalled the
/// async completions of a concurrent timing test (20 concurrent pg_sleep(0.1) took 1.04 s against a bound of 0.3 s).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PoolStarvingCollection
{
    public const string Name = "Pool-starving";
}
