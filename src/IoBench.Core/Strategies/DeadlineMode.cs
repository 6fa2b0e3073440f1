namespace IoBench.Core.Strategies;

/// <summary>What <see cref="BatchRunner"/> does when a batch misses its deadline.</summary>
public enum DeadlineMode
{
    /// <summary>
    /// In process (tests, the in-process --quick run): the strategy gets a token that the watchdog cancels, and the
    /// batch fails with a TimeoutException. The measured path then carries the token's registrations.
    /// </summary>
    CancelBatch,

    /// <summary>
    /// Out of band (the benchmark's own child processes): the strategy gets CancellationToken.None, so every operation
    /// is exactly Thread.Sleep / Task.Delay / the driver call; at the deadline the watchdog writes one line naming the
    /// case and ends the process with <see cref="BatchRunner.DeadlineExitCode"/>, which BenchmarkDotNet reports as a
    /// failed case before it goes on with the next one.
    /// </summary>
    EndProcess,
}
