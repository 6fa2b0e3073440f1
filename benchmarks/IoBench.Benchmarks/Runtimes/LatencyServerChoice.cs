using System.Globalization;
using IoBench.Core.Http;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Runtimes;

/// <summary>
/// The latency server runs on one fixed runtime, the host's, for every job: each benchmark process starts the host's own
/// build of IoBench.LatencyServer (net10.0 when the suite is run with the .NET 10 SDK) instead of the one built for the
/// job's framework. The server stands for a remote dependency, which does not change when a client upgrades its runtime;
/// with it fixed, an HTTP cell that differs between jobs differs because of the client's runtime alone (HttpClient, the
/// client's pool), and the server's share of the two cores is the same for every job.
/// </summary>
public static class LatencyServerChoice
{
    /// <summary>The server assembly every benchmark process starts (they inherit the host's environment).</summary>
    public const string DllVariable = "IOBENCH_LATENCY_SERVER_DLL";

    /// <summary>Points every benchmark process at the host's server build, when the host has one beside it.</summary>
    public static void Export()
    {
        if (LatencyServerProcess.LocateServerDll() is { } dll)
        {
            Environment.SetEnvironmentVariable(DllVariable, dll);
        }
    }

    /// <summary>The server assembly chosen by the host; null = the one beside the benchmark (the host itself in process).</summary>
    public static string? DllPath => Environment.GetEnvironmentVariable(DllVariable) is { Length: > 0 } path && File.Exists(path) ? path : null;

    /// <summary>The choice in one line, for the report and the data file.</summary>
    public static string Describe(SuiteSettings settings) => settings.IsCall
        ? "none: this run calls the user's own target"
        : settings.HttpUrl is { } url
        ? $"external server {SecretMask.Url(url.ToString())}: its runtime is its own"
        : string.Create(CultureInfo.InvariantCulture, $"one fixed runtime for every job: the host's build of IoBench.LatencyServer on .NET {Environment.Version} (the host's runtime), not the job's; the server stands for a remote dependency, so only the client's runtime differs between jobs");
}
