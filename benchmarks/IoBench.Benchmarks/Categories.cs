namespace IoBench.Benchmarks;

/// <summary>
/// Every benchmark class carries one workload category; filter with --anyCategories / --allCategories. What an operation
/// does (computes, completes synchronously) is a trait of the workload itself (<see cref="IoBench.Core.Workloads.WorkloadTraits"/>).
/// </summary>
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

    /// <summary>An operation with no latency: what remains is the strategy's own cost (the --cost preset).</summary>
    public const string ZeroLatency = "ZeroLatency";

    /// <summary>A user's own call (--http-call, --sql-call): its preset's families only.</summary>
    public const string Call = "Call";
}
