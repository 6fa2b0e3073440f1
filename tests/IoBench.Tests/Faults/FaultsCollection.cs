namespace IoBench.Tests.Faults;

/// <summary>
/// Tests that break something under a running suite (stop a PostgreSQL server, kill a latency server, lock a file,
/// interrupt the app) and the soak run: on their own, never beside a timing test, whose bands assume a quiet machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}
