namespace IoBench.Compare;

/// <summary>The parts of BenchmarkDotNet's HostEnvironmentInfo a comparison header names; each may be missing.</summary>
public sealed record RunEnvironment(
    string? Title,
    string? RuntimeVersion,
    string? ProcessorName,
    int? LogicalCoreCount,
    string? OsVersion,
    string? BenchmarkDotNetVersion)
{
    /// <summary>One line such as ".NET 10.0.12, AMD EPYC (2 logical cores), Debian 12, BenchmarkDotNet 0.14.0".</summary>
    public string Describe()
    {
        var cpu = ProcessorName is null ? null
            : LogicalCoreCount is { } cores ? $"{ProcessorName} ({cores} logical cores)" : ProcessorName;
        var bdn = BenchmarkDotNetVersion is null ? null : $"BenchmarkDotNet {BenchmarkDotNetVersion}";
        var parts = new[] { RuntimeVersion, cpu, OsVersion, bdn }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return parts.Length == 0 ? "no environment recorded" : string.Join(", ", parts);
    }
}
