using System.Globalization;

namespace IoBench.Core.Workloads;

/// <summary>
/// Calibrated amounts of work (CPU steps, SQLite rows) measured once per suite run and reused by every benchmark
/// process, so that every cell of a workload does the same work. The host names a file in
/// <see cref="FileVariable"/>; the first process that needs an amount measures it and writes it there, the others
/// read it. Without the variable (tests, one process) the amounts live for the process.
/// </summary>
public static class CalibrationStore
{
    public const string FileVariable = "IOBENCH_CALIBRATION_FILE";

    private static readonly Dictionary<string, long> s_process = [];
    private static readonly object s_gate = new();

    /// <summary>The amount stored under <paramref name="key"/>, measured by <paramref name="measure"/> the first time.</summary>
    public static long GetOrMeasure(string key, Func<long> measure)
    {
        lock (s_gate)
        {
            var path = Environment.GetEnvironmentVariable(FileVariable);
            var known = string.IsNullOrEmpty(path) ? s_process : ReadAll(path);
            if (known.TryGetValue(key, out var amount))
            {
                return amount;
            }

            amount = measure();
            known[key] = amount;
            if (!string.IsNullOrEmpty(path))
            {
                var temporary = path + "." + Environment.ProcessId + ".partial";
                File.WriteAllLines(temporary, known.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}")));
                File.Move(temporary, path, overwrite: true);
            }

            return amount;
        }
    }

    /// <summary>Every amount in the file (empty when it does not exist yet).</summary>
    public static Dictionary<string, long> ReadAll(string path)
    {
        var amounts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return amounts;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split('=', 2);
            if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                amounts[parts[0]] = value;
            }
        }

        return amounts;
    }
}
