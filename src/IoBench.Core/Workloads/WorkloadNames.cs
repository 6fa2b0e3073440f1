namespace IoBench.Core.Workloads;

/// <summary>The permanent names of the workloads: they appear in benchmark IDs and reports.</summary>
public static class WorkloadNames
{
    public const string Sleep = "Sleep";
    public const string Cpu = "Cpu";
    public const string HttpDelay = "HttpDelay";
    public const string HttpBlockingServer = "HttpBlockingServer";
}
