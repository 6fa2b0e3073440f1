using IoBench.Core.Theory;

namespace IoBench.Core.Settings;

/// <summary>
/// The settings of a run of a user's own call (--http-call, --sql-call): the call, what it sends and expects, where a
/// statement runs, whether it may write, the run's time cap, and the plan the host makes once it has probed the call.
/// </summary>
public sealed partial record SuiteSettings
{
    /// <summary>
    /// A user's own HTTP request as the operation (IOBENCH_HTTP_CALL, --http-call "GET URL"; GET or HEAD): a preset of its
    /// own (<see cref="Presets.HttpCall"/>), which calls that URL instead of the suite's latency server (so not with --http-url).
    /// </summary>
    public HttpCall? HttpCall { get; init; }

    /// <summary>The call's request headers (IOBENCH_HTTP_HEADERS, one per line; --http-header "Name: value", repeatable).</summary>
    public IReadOnlyList<HttpHeader> HttpHeaders { get; init; } = [];

    /// <summary>The statuses the call must answer with (IOBENCH_HTTP_STATUS, --http-status; default 2xx).</summary>
    public ExpectedStatus HttpStatus { get; init; } = ExpectedStatus.Success;

    /// <summary>
    /// A user's own SQL statement as the operation (IOBENCH_SQL_CALL, --sql-call "SELECT ..."): a preset of its own
    /// (<see cref="Presets.SqlCall"/>), against the PostgreSQL server of <see cref="Postgres"/> or the SQLite file of <see cref="SqliteFile"/>.
    /// </summary>
    public string? SqlCall { get; init; }

    /// <summary>The SQLite file --sql-call runs against instead of PostgreSQL (IOBENCH_SQLITE_FILE, --sqlite-file; an absolute path once read).</summary>
    public string? SqliteFile { get; init; }

    /// <summary>Lets --sql-call write (IOBENCH_ALLOW_WRITES=1, --allow-writes; default off: the database refuses any write).</summary>
    public bool AllowWrites { get; init; }

    /// <summary>
    /// The most a --http-call or --sql-call run may take, build and every case included (IOBENCH_TIME_CAP_S, --time-cap-s;
    /// default <see cref="DefaultTimeCapSeconds"/>): the plan leaves out the largest N that its estimate puts over it, and
    /// no case starts once it has passed.
    /// </summary>
    public int TimeCapSeconds
    {
        get => ExplicitTimeCapSeconds ?? DefaultTimeCapSeconds;
        init => ExplicitTimeCapSeconds = value;
    }

    private int? ExplicitTimeCapSeconds { get; init; }

    public const int DefaultTimeCapSeconds = 300;

    public TimeSpan TimeCap => TimeSpan.FromSeconds(TimeCapSeconds);

    /// <summary>
    /// A user's call's L as the host's first probe measured it and the largest N the time cap leaves (--http-call,
    /// --sql-call): set in the host once it has probed the call, before BenchmarkDotNet plans the run; null otherwise.
    /// </summary>
    public CallPlan? CallPlan { get; init; }

    /// <summary>The L the cell plan budgets a batch with: the call's measured L, else the nominal L.</summary>
    public TimeSpan PlanLatency => CallPlan?.Latency ?? Latency;

    /// <summary>True for a run of a user's own call (--http-call or --sql-call).</summary>
    public bool IsCall => HttpCall is not null || SqlCall is not null;

    /// <summary>The call in one line for a console line, a report's title or a data file, secrets masked; null outside a call run.</summary>
    public string? CallDisplay => HttpCall is { } http
        ? http.Display
        : SqlCall is { } sql
            ? $"{sql} on {(SqliteFile is { } file ? $"SQLite {Path.GetFileName(file)}" : $"PostgreSQL {SecretMask.ConnectionString(Postgres)}")}"
            : null;

    /// <summary>The rules of a user's own call: its options apply to it alone, and it replaces the latency server and L.</summary>
    private void ValidateCall()
    {
        if (HttpCall is not null && HttpUrl is not null)
        {
            throw new SettingsException("--http-url names the latency server of the suite's HTTP families; --http-call calls its own URL instead: give one of them.");
        }

        if (IsCall && ExplicitLatencyMs is not null)
        {
            throw new SettingsException($"--latency-ms sets the suite's nominal L; --{Preset} measures the call's own L: leave out --latency-ms.");
        }

        var httpOnly = new[] { (HttpHeaders.Count > 0, "--http-header"), (HttpStatus != ExpectedStatus.Success, "--http-status") }.Where(o => o.Item1).Select(o => o.Item2).ToList();
        if (HttpCall is null && httpOnly.Count > 0)
        {
            throw new SettingsException($"{string.Join(" and ", httpOnly)} apply to --http-call, which is not given.");
        }

        if (SqlCall is null && SqliteFile is not null)
        {
            throw new SettingsException("--sqlite-file names the file --sql-call runs against, which is not given.");
        }

        if (AllowWrites && SqlCall is null)
        {
            throw new SettingsException(HttpCall is not null
                ? "--allow-writes applies to --sql-call: --http-call allows GET and HEAD only."
                : "--allow-writes applies to --sql-call, which is not given.");
        }

        if (!IsCall && ExplicitTimeCapSeconds is not null)
        {
            throw new SettingsException("--time-cap-s caps a --http-call or --sql-call run, and neither is given.");
        }
    }
}
