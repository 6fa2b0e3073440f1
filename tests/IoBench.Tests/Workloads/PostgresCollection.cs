namespace IoBench.Tests.Workloads;

/// <summary>The Postgres tests run one class at a time: their timing bands assume they do not share 2 cores with each other.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection
{
    public const string Name = "Postgres";
}
