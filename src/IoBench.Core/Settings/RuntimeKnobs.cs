using System.Globalization;

namespace IoBench.Core.Settings;

/// <summary>
/// The runtime's own environment variables behind two of the process settings (<see cref="SuiteSettings.ProcessorCount"/>,
/// <see cref="SuiteSettings.MinWorkerThreads"/>): the benchmark jobs set them, and a benchmark process takes them out of
/// the environment of the processes it starts for the other side of a call (the latency server), whose settings are its own.
/// </summary>
public static class RuntimeKnobs
{
    /// <summary>What Environment.ProcessorCount reports, in decimal (10 gave 10 on .NET 8 and 10).</summary>
    public const string ProcessorCount = "DOTNET_PROCESSOR_COUNT";

    /// <summary>
    /// The pool's minimum of worker threads for the whole process, in hexadecimal like the CLR's other DWORD knobs: "10"
    /// gave a minimum of 16 on .NET 8 and 10, so the suite writes it with 0x (<see cref="Hex"/>), which both read.
    /// </summary>
    public const string ForceMinWorkerThreads = "DOTNET_ThreadPool_ForceMinWorkerThreads";

    /// <summary>The knobs of the benchmark process, with the legacy COMPlus_ spelling the runtime also reads.</summary>
    public static IReadOnlyList<string> BenchmarkProcessOnly { get; } =
        [ProcessorCount, ForceMinWorkerThreads, "COMPlus_PROCESSOR_COUNT", "COMPlus_ThreadPool_ForceMinWorkerThreads"];

    /// <summary>A knob's value in the runtime's hexadecimal: 0x28 for 40.</summary>
    public static string Hex(int value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>Takes the benchmark process's knobs out of a child process's environment.</summary>
    public static void RemoveFrom(IDictionary<string, string?> environment)
    {
        foreach (var name in BenchmarkProcessOnly)
        {
            environment.Remove(name);
        }
    }
}
