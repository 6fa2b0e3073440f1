namespace IoBench.Benchmarks;

/// <summary>Every benchmark class carries one workload category; filter with --anyCategories / --allCategories.</summary>
public static class Categories
{
    public const string Sleep = "Sleep";
    public const string Cpu = "Cpu";

    /// <summary>HttpClient against the Kestrel latency server in its own process.</summary>
    public const string Http = "Http";

    /// <summary>The operation computes rather than waits: no strategy can beat ceil(N/cores) x L.</summary>
    public const string CpuBound = "CpuBound";
}
