using System.Text.Json;

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
    /// <summary>Reads the report's Title and HostEnvironmentInfo; what is missing stays null.</summary>
    public static RunEnvironment FromReportRoot(JsonElement root)
    {
        var title = Text(root, "Title");
        if (!root.TryGetProperty("HostEnvironmentInfo", out var host) || host.ValueKind != JsonValueKind.Object)
        {
            return new RunEnvironment(title, null, null, null, null, null);
        }

        int? cores = host.TryGetProperty("LogicalCoreCount", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
        return new RunEnvironment(title, Text(host, "RuntimeVersion"), Text(host, "ProcessorName"), cores,
            Text(host, "OsVersion"), Text(host, "BenchmarkDotNetVersion"));
    }

    /// <summary>One line such as ".NET 10.0.12, AMD EPYC (2 logical cores), Debian 12, BenchmarkDotNet 0.14.0".</summary>
    public string Describe()
    {
        var cpu = ProcessorName is null ? null
            : LogicalCoreCount is { } cores ? $"{ProcessorName} ({cores} logical cores)" : ProcessorName;
        var bdn = BenchmarkDotNetVersion is null ? null : $"BenchmarkDotNet {BenchmarkDotNetVersion}";
        var parts = new[] { RuntimeVersion, cpu, OsVersion, bdn }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return parts.Length == 0 ? "no environment recorded" : string.Join(", ", parts);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
