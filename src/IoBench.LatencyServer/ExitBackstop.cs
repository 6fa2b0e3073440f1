namespace IoBench.LatencyServer;

/// <summary>Bounds how long a stopping server may live, so an orphaned server can never linger.</summary>
internal static class ExitBackstop
{
    private const int HardExitAfterMs = 500;
    private static int _armed;

    /// <summary>Exits the process <see cref="HardExitAfterMs"/> ms from now unless it has ended by then.</summary>
    public static void Arm()
    {
        if (Interlocked.Exchange(ref _armed, 1) != 0)
        {
            return;
        }

        // Kestrel waits for in-flight handlers (a /blocking sleep cannot be interrupted), so graceful stop alone is unbounded;
        // a plain thread, because those handlers may hold every pool thread.
        var backstop = new Thread(() =>
        {
            Thread.Sleep(HardExitAfterMs);
            Environment.Exit(0);
        })
        {
            IsBackground = true,
            Name = "exit-backstop",
        };
        backstop.Start();
    }
}
