namespace IoBench.Benchmarks;

/// <summary>Every benchmark class carries one workload category; filter with --anyCategories / --allCategories.</summary>
public static class Categories
{
    public const string Sleep = "Sleep";
    public const string Cpu = "Cpu";
    public const string Sqlite = "Sqlite";
    public const string File = "File";

    /// <summary>Needs a PostgreSQL server (IOBENCH_POSTGRES); skipped with one line when none answers.</summary>
    public const string Postgres = "Postgres";

    /// <summary>HttpClient against the Kestrel latency server in its own process.</summary>
    public const string Http = "Http";

    /// <summary>The operation computes rather than waits: no strategy can beat ceil(N/cores) x L.</summary>
    public const string CpuBound = "CpuBound";

    /// <summary>
    /// The async API completes synchronously (Microsoft.Data.Sqlite): async strategies that make every call from one
    /// thread run one call after another, so the cell plan treats them as sequential.
    /// </summary>
    public const string SynchronousAsync = "SynchronousAsync";
}
