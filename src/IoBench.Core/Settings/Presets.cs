namespace IoBench.Core.Settings;

/// <summary>
/// The runs outside the default suite, each one command: a family that belongs to a preset runs only when its preset
/// is chosen, and then alone. The default suite (about 14 minutes here) must stay within 15 minutes, and these
/// families would add minutes to it (a batch of 1,000,000 pending operations, a per-operation matrix of every strategy).
/// </summary>
public static class Presets
{
    /// <summary>--scaling: Mean/max(L) against N up to 1,000,000 at L = 100 ms, beside a bare Task.WhenAll of Task.Delay.</summary>
    public const string Scaling = "scaling";

    /// <summary>--cost: every strategy over a zero-latency operation, nanoseconds and bytes per operation.</summary>
    public const string Cost = "cost";

    /// <summary>
    /// --starvation: the blocking strategies on the pool over Sleep at N = 10 to 1000, with the default minimum of worker
    /// threads and with it raised to N, and the pool's thread count sampled through every batch (issue 10's lab).
    /// </summary>
    public const string Starvation = "starvation";

    /// <summary>
    /// --http-call "GET URL": a user's own HTTP request under every strategy, N from 1 to 1000 within the batch budget at its
    /// measured L and the run's time cap, with the client's connection limit C, and the decision section in the report.
    /// </summary>
    public const string HttpCall = "http-call";

    /// <summary>--sql-call "STATEMENT": a user's own SQL statement (PostgreSQL or a SQLite file), as --http-call, with the pool limit P.</summary>
    public const string SqlCall = "sql-call";
}
