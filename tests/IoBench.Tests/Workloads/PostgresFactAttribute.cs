namespace IoBench.Tests.Workloads;

/// <summary>A test against the real PostgreSQL server: skipped, saying how to run it, when IOBENCH_POSTGRES is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresTestServer.IsConfigured)
        {
            Skip = PostgresTestServer.SkipReason;
        }
    }
}
