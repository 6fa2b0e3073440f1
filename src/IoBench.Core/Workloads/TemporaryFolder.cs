using System.Runtime.InteropServices;

namespace IoBench.Core.Workloads;

/// <summary>
/// The suite's temporary folders (SQLite databases, the FileWrite file, the run's calibration file), removed by their
/// owner's cleanup and, as a backstop, when the process ends without reaching it: Ctrl-C (SIGINT), SIGTERM, SIGQUIT,
/// SIGHUP, or Environment.Exit (a missed batch deadline ends a benchmark process that way). A signal skips every
/// finally block, so without this an interrupted run left its database files behind.
/// </summary>
public static class TemporaryFolder
{
    private static readonly object s_gate = new();
    private static readonly HashSet<string> s_live = new(StringComparer.Ordinal);
    private static List<PosixSignalRegistration>? s_signals;

    /// <summary>Creates a new folder under the temp folder (TMPDIR) whose name starts with <paramref name="prefix"/>.</summary>
    public static string Create(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        lock (s_gate)
        {
            s_live.Add(path);
            s_signals ??= InstallBackstop();
        }

        return path;
    }

    /// <summary>Removes a folder made by <see cref="Create"/> with everything in it (nothing when it is already gone).</summary>
    public static void Delete(string path)
    {
        lock (s_gate)
        {
            s_live.Remove(path);
        }

        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>The folders created and not yet deleted.</summary>
    public static IReadOnlyList<string> Live
    {
        get
        {
            lock (s_gate)
            {
                return [.. s_live];
            }
        }
    }

    private static List<PosixSignalRegistration> InstallBackstop()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();
        // The handler does not cancel the signal: the process still ends as the signal asks (exit 130 for Ctrl-C).
        return [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => DeleteAll()))];
    }

    private static void DeleteAll()
    {
        foreach (var path in Live)
        {
            try
            {
                Delete(path);
            }
            catch (IOException)
            {
                // Best effort on the way out: one folder that cannot go must not keep the others.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
