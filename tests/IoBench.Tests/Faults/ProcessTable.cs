namespace IoBench.Tests.Faults;

/// <summary>Linux's process table (/proc): who is whose child, and who is still running.</summary>
internal static class ProcessTable
{
    /// <summary>Running (not zombie) processes whose parent is <paramref name="parent"/>, or that name it with --parent-pid.</summary>
    public static IReadOnlyList<int> ChildrenOf(int parent)
    {
        var marker = $"--parent-pid\0{parent}\0";
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var running = fields[0] != "Z";
                var isChild = fields[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    || File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(marker, StringComparison.Ordinal);
                if (running && isChild)
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>The process's state letter (R, S, T for stopped, Z for zombie), or '?' when it is gone.</summary>
    public static char State(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return '?';
        }
    }

    /// <summary>Waits until none of the app's children runs; returns those still running after <paramref name="within"/>.</summary>
    public static async Task<IReadOnlyList<int>> WaitChildrenGoneAsync(int parent, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var children = ChildrenOf(parent);
            if (children.Count == 0 || DateTime.UtcNow > deadline)
            {
                return children;
            }

            await Task.Delay(50);
        }
    }
}
