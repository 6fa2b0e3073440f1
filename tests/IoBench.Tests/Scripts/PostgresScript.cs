using System.Diagnostics;

namespace IoBench.Tests.Scripts;

/// <summary>Runs scripts/postgres.sh with a verb and extra environment, as a user's shell would, and collects its output.</summary>
internal static class PostgresScript
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, string verb, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.PathOf("scripts", "postgres.sh"));
        start.ArgumentList.Add(verb);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
