using System.Diagnostics;

namespace IoBench.LatencyServer;

/// <summary>Polls whether the parent process is still alive, so a killed benchmark never leaves this server behind.</summary>
internal static class ParentProcessWatcher
{
    private const int PollIntervalMs = 250;

    /// <summary>Calls <paramref name="onParentGone"/> once the parent has exited.</summary>
    public static void Start(int pid, Action onParentGone)
    {
        // The start time pins the identity, so a recycled pid is not mistaken for the parent.
        var startTime = ReadLinuxStartTime(pid);
        // A dedicated thread, not the pool: /blocking requests may hold every pool thread exactly when this must run.
        var watcher = new Thread(() =>
        {
            while (IsAlive(pid, startTime))
            {
                Thread.Sleep(PollIntervalMs);
            }

            onParentGone();
        })
        {
            IsBackground = true,
            Name = "parent-watcher",
        };
        watcher.Start();
    }

    private static bool IsAlive(int pid, string? startTime)
    {
        if (OperatingSystem.IsLinux())
        {
            // A zombie (state Z) has already died; it only waits for its own parent to reap it.
            var stat = ReadLinuxStat(pid);
            return stat is not null && stat.Value.State != 'Z' && stat.Value.StartTime == startTime;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? ReadLinuxStartTime(int pid) =>
        OperatingSystem.IsLinux() ? ReadLinuxStat(pid)?.StartTime : null;

    private static (char State, string StartTime)? ReadLinuxStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name in parentheses may hold spaces, so fields are counted after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 ? (fields[0][0], fields[19]) : null;
    }
}
