namespace IoBench.Tests.Workloads;

/// <summary>A theory against the real PostgreSQL server: skipped like <see cref="PostgresFactAttribute"/> when IOBENCH_POSTGRES is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!PostgresTestServer.IsConfigured)
        {
            Skip = PostgresTestServer.SkipReason;
        }
    }
}
