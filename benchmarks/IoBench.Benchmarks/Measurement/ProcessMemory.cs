using System.Globalization;

namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// The process's resident memory (working set) from /proc/self/status, and its peak since the last reset (VmHWM, reset
/// by writing 5 to /proc/self/clear_refs, Linux 4.0+). Resident memory counts every touched page: the managed heap,
/// native allocations, and each thread's stack as far as it was used (committed), but not the 8 MB each thread
/// reserves. Elsewhere (no /proc) every figure is null and the columns show "-".
/// </summary>
internal static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    /// <summary>Resets the peak to the present working set and returns that working set, in bytes.</summary>
    public static long? ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }

        return Read("VmRSS:");
    }

    /// <summary>The peak working set since the last <see cref="ResetPeak"/>, in bytes.</summary>
    public static long? Peak => Read("VmHWM:");

    private static long? Read(string field)
    {
        try
        {
            // "VmHWM:     123456 kB"
            var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            var parts = line?[field.Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            return parts is [var kb, "kB"] && long.TryParse(kb, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value * 1024 : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
