using System.Diagnostics;

namespace IoBench.Tests;

/// <summary>A child process run to its end by a test: both streams read as it runs, a deadline that kills its whole tree.</summary>
internal static class ChildProcess
{
    /// <summary>Starts the process (its streams redirected by the caller) and returns its exit code and stdout then stderr.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, TimeSpan deadline)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
