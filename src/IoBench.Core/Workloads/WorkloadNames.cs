namespace IoBench.Core.Workloads;

/// <summary>The permanent names of the workloads: they appear in benchmark IDs and reports.</summary>
public static class WorkloadNames
{
    public const string Sleep = "Sleep";
    public const string Cpu = "Cpu";
    public const string SqliteQuery = "SqliteQuery";
    public const string SqliteSleep = "SqliteSleep";
    public const string SqliteWrite = "SqliteWrite";
    public const string FileWrite = "FileWrite";
    public const string PostgresSleep = "PostgresSleep";
    public const string PostgresQuery = "PostgresQuery";
    public const string PostgresWrite = "PostgresWrite";
    public const string PostgresConnect = "PostgresConnect";
    public const string HttpDelay = "HttpDelay";
    public const string HttpBlockingServer = "HttpBlockingServer";
    public const string ZeroLatency = "ZeroLatency";

    /// <summary>A user's own HTTP request (--http-call).</summary>
    public const string HttpCall = "HttpCall";

    /// <summary>A user's own SQL statement (--sql-call).</summary>
    public const string SqlCall = "SqlCall";

    /// <summary>Sleep whose every tenth operation fails: the fire-and-forget claim's workload.</summary>
    public const string FailingSleep = "FailingSleep";
}
