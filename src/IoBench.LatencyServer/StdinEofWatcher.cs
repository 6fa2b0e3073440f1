namespace IoBench.LatencyServer;

/// <summary>Notices end-of-file on standard input, for parents that signal "stop" by closing the pipe.</summary>
internal static class StdinEofWatcher
{
    /// <summary>Calls <paramref name="onEof"/> once standard input is closed.</summary>
    public static void Start(Action onEof)
    {
        // A dedicated background thread: console reads block, and a pool thread must not be held by them.
        var reader = new Thread(() =>
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            try
            {
                while (stdin.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }
            catch (IOException)
            {
                // A broken stdin is as final as a closed one.
            }

            onEof();
        })
        {
            IsBackground = true,
            Name = "stdin-eof-watcher",
        };
        reader.Start();
    }
}
