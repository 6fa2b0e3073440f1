using System.Data.Common;
using System.Globalization;
using IoBench.Core.Strategies;

namespace IoBench.Core.Settings;

/// <summary>
/// Every machine-dependent setting of the suite, in one place. Each one has a documented default, an environment
/// variable and a command-line option; the command line wins. The benchmark host exports the result to its
/// environment, which BenchmarkDotNet's child processes inherit, so host and children see the same values.
/// </summary>
public sealed partial record SuiteSettings
{
    private static readonly int[] DefaultOps = [1, 10, 100, 1000];
    private static readonly int[] QuickOps = [1, 10];

    /// <summary>What `scripts/postgres.sh url` prints with its defaults.</summary>
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Username=iobench;Password=iobench;Database=iobench";

    /// <summary>
    /// The ceiling on N: 1,000,000 pending async operations still fit (Task.WhenAll of 1,000,000 Task.Delay took
    /// ~440 ms here); beyond that a batch measures the allocator, not the concurrency.
    /// </summary>
    public const int MaxOps = 1_000_000;

    /// <summary>
    /// L, the nominal latency of one operation (IOBENCH_LATENCY_MS, --latency-ms; default 20, or 10 in the runtime
    /// comparison's matrix, <see cref="Comparison"/>).
    /// </summary>
    public int LatencyMs
    {
        get => ExplicitLatencyMs ?? (Comparison ? ComparisonLatencyMs : 20);
        init => ExplicitLatencyMs = value;
    }

    /// <summary>L given explicitly, if any: only an explicit L travels to child processes, which derive the default themselves.</summary>
    public int? ExplicitLatencyMs { get; private init; }

    /// <summary>
    /// The runtime comparison's matrix (IOBENCH_COMPARISON=1, --comparison; on by default when --runtimes names two or more
    /// runtimes, unless --full-matrix): every family and every strategy, each strategy at one N per family (the largest
    /// of the family's smallest N of 10 or more and its largest that the plan runs for it; the smallest alone where the
    /// family's async calls complete synchronously), only the main configuration of each family (K = none, unlimited
    /// HTTP connections, the server's default pool, a PostgreSQL pool as large as N), L = 10 ms unless --latency-ms, and
    /// more iterations: <see cref="SteadyIterations"/> and <see cref="ColdLaunches"/> say why.
    /// </summary>
    public bool Comparison { get; init; }

    /// <summary>
    /// True when the comparison matrix chooses N (one per family and strategy): <see cref="Comparison"/> without an
    /// explicit --ops, which then applies as it is.
    /// </summary>
    public bool ComparisonChoosesN => Comparison && ExplicitOps is null;

    /// <summary>Runs the whole default matrix in a comparison run (IOBENCH_FULL_MATRIX=1, --full-matrix): --runtimes then leaves --comparison off.</summary>
    public bool FullMatrix { get; init; }

    public const int ComparisonLatencyMs = 10;

    /// <summary>The variable of L (--latency-ms): a comparison's positive control sets it in its own processes.</summary>
    public const string LatencyVariable = "IOBENCH_LATENCY_MS";

    /// <summary>
    /// Benchmark processes per steady case: 2 in the default suite, 3 a side in the runtime comparison's matrix, 1 in the
    /// presets (their figures are per-operation costs and the lab's pool histories, published as single processes). The
    /// variance that decides whether a repeat agrees lives between processes, not between the batches of one: two runs
    /// of identical code (the v4 pair, one process a case) got 24 "significant" verdicts from batches tested as if
    /// independent, and only 64% of their cases within 5%. Each cell is then the geometric mean of its processes' medians,
    /// and the per-family variation between them gives each cell its 90% prediction interval (and the comparison its test).
    /// </summary>
    public int SteadyProcesses => Preset is not null ? 1 : Comparison ? 3 : 2;

    /// <summary>
    /// Measured batches per steady process: 2 in the default suite (two processes), 3 a process in the comparison matrix,
    /// 5 in the presets. The median of a process is its figure: the spread within one process is not what a repeat meets.
    /// </summary>
    public int SteadyIterations => Preset is not null ? 5 : Comparison ? 3 : 2;

    /// <summary>
    /// Unmeasured batches before a steady process's measured ones: 1 (a call run's too), 0 in the scaling and starvation presets (as
    /// published). BenchmarkDotNet's Monitoring strategy has no jitting stage, so the first measured batch was the first
    /// call through its engine: in the v4 default run it was the slowest of five in 72% of the 234 steady cases (median
    /// +1.1 ms, 2.8%); one unmeasured batch costs a batch (tens of ms) a process.
    /// </summary>
    public int SteadyWarmupIterations => Preset is null || Cost || IsCall ? 1 : 0;

    /// <summary>
    /// Processes (one batch each) per cold case: 3, or 4 a side in the comparison matrix. With 3 a side the smallest two-sided
    /// Mann-Whitney p is 2/20 = 0.1, so no cold difference could ever be significant at 0.05 by ranks; with 4 it is 2/70 =
    /// 0.029 (the comparison's test over processes is parametric, and 4 give it 6 degrees of freedom of its own).
    /// </summary>
    public int ColdLaunches => Comparison ? 4 : 3;

    /// <summary>The batch sizes N (IOBENCH_OPS, --ops; default 1,10,100,1000, or 1,10 with --quick).</summary>
    public IReadOnlyList<int> Ops => ExplicitOps ?? (Quick ? QuickOps : DefaultOps);

    /// <summary>The N list given explicitly, if any.</summary>
    public IReadOnlyList<int>? ExplicitOps { get; init; }

    /// <summary>K for the rows of Channel and Bounded that show the ceil(N/K) x L law (IOBENCH_LIMIT, --limit; default 10).</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Cells that are sequential by nature run only while N x L stays within this (IOBENCH_MAX_SEQUENTIAL_MS, --max-sequential-ms; default 1000).</summary>
    public int MaxSequentialMs { get; init; } = 1000;

    /// <summary>
    /// The deadline of one batch (IOBENCH_BATCH_TIMEOUT_S, --batch-timeout-s; default 60). L may be at most half of it,
    /// so that a single operation plus its strategy's overhead and timer jitter cannot be what runs into the deadline.
    /// </summary>
    public int BatchTimeoutSeconds { get; init; } = 60;

    /// <summary>
    /// The most time the steady regime spends warming a pool-dependent cell before it is measured
    /// (IOBENCH_STEADY_WARMUP_S, --steady-warmup-s; default 4): bursts stop earlier once the pool's thread count settles.
    /// In the published run of 2026-11-23 (v2, budget 6 s) 38 of the 55 pool-dependent cells settled, 36 of them within
    /// 3.2 s; the other 17 (blocking on the pool at N = 100-1000) never settle, because every burst adds threads (80
    /// bursts, 57 s, still growing), and spent the whole budget: 4 s keeps the first and takes 34 s off the suite.
    /// The comparison matrix's default is 2 s: there the steady pool cells have the pool's minimum raised to N, so the
    /// bursts bring it to the same size the same way on every side rather than wait for it to settle (Sleep ThreadPool
    /// N = 1000 reached 655-756 threads in 4 s without settling, on .NET 8 and 10 alike), and the cell runs in three
    /// processes on five sides: 4 s would spend 15 minutes of a 45-minute comparison warming.
    /// </summary>
    public int SteadyWarmupSeconds
    {
        get => ExplicitSteadyWarmupSeconds ?? (Comparison ? 2 : 4);
        init => ExplicitSteadyWarmupSeconds = value;
    }

    private int? ExplicitSteadyWarmupSeconds { get; init; }

    /// <summary>The strategies to run (IOBENCH_STRATEGIES, --strategies; default all fifteen).</summary>
    public IReadOnlyList<StrategyKind> Strategies { get; init; } = Strategy.All;

    /// <summary>
    /// A running latency server for the HTTP workloads (IOBENCH_HTTP_URL, --http-url; default none: each HTTP benchmark
    /// starts its own IoBench.LatencyServer on a free loopback port and stops it afterwards).
    /// </summary>
    public Uri? HttpUrl { get; init; }

    /// <summary>A smoke run of the whole matrix: fewer N and a short job (IOBENCH_QUICK=1, --quick).</summary>
    public bool Quick { get; init; }

    /// <summary>
    /// The Npgsql connection string of the PostgreSQL server (IOBENCH_POSTGRES, --postgres; default: the server that
    /// scripts/postgres.sh starts, <see cref="DefaultPostgres"/>).
    /// </summary>
    public string Postgres { get; init; } = DefaultPostgres;

    /// <summary>
    /// Allows --artifacts to name an existing, non-empty folder under the repository's results/, a published run
    /// (IOBENCH_OVERWRITE_RESULTS=1, --overwrite-results; default off: such a folder is refused).
    /// </summary>
    public bool OverwriteResults { get; init; }

    /// <summary>
    /// Runs only the families that measure the strategies' own cost at scale (IOBENCH_SCALING=1, --scaling; default off):
    /// the scaling family and the bare Task.WhenAll baseline, which the default suite leaves out (see <see cref="Presets"/>).
    /// </summary>
    public bool Scaling { get; init; }

    /// <summary>
    /// Runs only the zero-latency family, per operation (IOBENCH_COST=1, --cost; default off), which the default suite
    /// leaves out (see <see cref="Presets"/>).
    /// </summary>
    public bool Cost { get; init; }

    /// <summary>
    /// Runs only the thread-pool starvation lab (IOBENCH_STARVATION=1, --starvation; default off), which the default suite
    /// leaves out (see <see cref="Presets"/>).
    /// </summary>
    public bool Starvation { get; init; }

    /// <summary>
    /// Server GC in the benchmark processes (IOBENCH_SERVER_GC=1, --server-gc; default off: workstation GC, a console app's
    /// and BenchmarkDotNet's default), set as BenchmarkDotNet sets it: on the job (Job.WithGcServer), which the generated
    /// project's runtimeconfig carries and BenchmarkDotNet's own summary shows. Needs more than one processor: with one the
    /// runtime runs workstation GC whatever is asked (DOTNET_PROCESSOR_COUNT=1 with Server GC: IsServerGC false on .NET 8 and 10).
    /// </summary>
    public bool ServerGc { get; init; }

    /// <summary>
    /// The processor count the runtime reports in the benchmark processes (IOBENCH_PROCESSOR_COUNT, --processor-count P;
    /// default: the machine's), through the job's <see cref="RuntimeKnobs.ProcessorCount"/>: Environment.ProcessorCount,
    /// the pool's default minimum of worker threads and Server GC's heaps follow it; the cores the processes run on do not
    /// change. At most <see cref="MaxThreads"/>: the pool's default minimum is the count as a 16-bit number.
    /// </summary>
    public int? ProcessorCount { get; init; }

    /// <summary>
    /// The pool's minimum of worker threads from the start of each benchmark process (IOBENCH_MIN_WORKER_THREADS,
    /// --min-worker-threads M; default: the runtime's, one per processor), through the job's
    /// <see cref="RuntimeKnobs.ForceMinWorkerThreads"/>, the knob behind a runtimeconfig's System.Threading.ThreadPool.MinThreads.
    /// The runtime holds it for the whole process and refuses ThreadPool.SetMinThreads to any other value (.NET 8 and 10), so
    /// it wins over a family's own minimum: the comparison matrix does not raise its steady pool cells' minimum to N then
    /// (compare-runs judges those cells only where their warm-ups agree), and the starvation lab, which compares the
    /// runtime's default minimum with N, is refused with it. At most <see cref="MaxThreads"/>, the pool's own ceiling.
    /// </summary>
    public int? MinWorkerThreads { get; init; }

    /// <summary>
    /// The ceiling of --processor-count and --min-worker-threads: the pool counts threads in 16 bits (a processor count of
    /// 65,535 gave a minimum of -1, a forced minimum of 32,768 was ignored, on .NET 8 and 10).
    /// </summary>
    public const int MaxThreads = short.MaxValue;

    /// <summary>The processor count the benchmark processes see: <see cref="ProcessorCount"/>, or the machine's.</summary>
    public int BenchmarkProcessorCount => ProcessorCount ?? Environment.ProcessorCount;

    /// <summary>The process settings given (--server-gc, --processor-count, --min-worker-threads), by option name, for the host's checks.</summary>
    public IReadOnlyList<string> ProcessOptions =>
        [.. new[] { (ServerGc, "--server-gc"), (ProcessorCount is not null, "--processor-count"), (MinWorkerThreads is not null, "--min-worker-threads") }.Where(o => o.Item1).Select(o => o.Item2)];

    public const string ServerGcVariable = "IOBENCH_SERVER_GC";

    public const string ProcessorCountVariable = "IOBENCH_PROCESSOR_COUNT";

    public const string MinWorkerThreadsVariable = "IOBENCH_MIN_WORKER_THREADS";

    /// <summary>The preset this run selects: null for the default suite, else one of <see cref="Presets"/>.</summary>
    public string? Preset =>
        Scaling ? Presets.Scaling : Cost ? Presets.Cost : Starvation ? Presets.Starvation : HttpCall is not null ? Presets.HttpCall : SqlCall is not null ? Presets.SqlCall : null;

    public TimeSpan Latency => TimeSpan.FromMilliseconds(LatencyMs);

    public TimeSpan MaxSequentialBatch => TimeSpan.FromMilliseconds(MaxSequentialMs);

    public TimeSpan BatchTimeout => TimeSpan.FromSeconds(BatchTimeoutSeconds);

    /// <summary>
    /// How long a SQLite write waits for a lock held elsewhere: half the batch deadline, so that a file locked by another
    /// process fails the batch with the lock's own error (naming the file) rather than with the deadline's.
    /// </summary>
    public TimeSpan SqliteBusyTimeout => BatchTimeout / 2;

    public TimeSpan SteadyWarmup => TimeSpan.FromSeconds(SteadyWarmupSeconds);

    /// <summary>The suite's own option names (--latency-ms, --ops, ...), for the host's check of unknown options.</summary>
    public static IEnumerable<string> OptionNames => Options.Select(o => o.Name);

    /// <summary>
    /// The suite's options for --help, one line each (name and value, meaning and default, environment variable), written
    /// beside each option's parser below so that the help cannot list an option the suite does not read, or miss one.
    /// </summary>
    public static IEnumerable<(string Usage, string Help, string Variable)> OptionHelp =>
        Options.Select(o => (o.Value is null ? o.Name : $"{o.Name} {o.Value}", o.Help, o.Variable));

    private static IReadOnlyList<SettingOption> Options { get; } =
    [
        new("--latency-ms", LatencyVariable, (s, v) => s with { LatencyMs = PositiveInt("--latency-ms", v) }, s => s.ExplicitLatencyMs is { } l ? Format(l) : string.Empty, Display: s => Format(s.LatencyMs), Help: "L, one operation's nominal latency (default 20; 10 in --comparison); at most half of --batch-timeout-s", Value: "MS"),
        // Only an explicit list travels to child processes: a family that narrows the default N (Ops()) must still see "no list given" there.
        new("--ops", "IOBENCH_OPS", (s, v) => s with { ExplicitOps = OpsList(v) }, s => s.ExplicitOps is { } ops ? string.Join(',', ops) : string.Empty, Display: s => string.Join(',', s.Ops), Help: "the batch sizes N (default 1,10,100,1000, or 1,10 with --quick; families with long batches narrow it); at most 1,000,000", Value: "N,N,..."),
        new("--limit", "IOBENCH_LIMIT", (s, v) => s with { Limit = PositiveInt("--limit", v) }, s => Format(s.Limit), Help: "K of the Channel and Bounded rows that show the ceil(N/K) x L law (default 10)", Value: "K"),
        new("--max-sequential-ms", "IOBENCH_MAX_SEQUENTIAL_MS", (s, v) => s with { MaxSequentialMs = PositiveInt("--max-sequential-ms", v) }, s => Format(s.MaxSequentialMs), Help: "a cell whose best possible batch takes longer is not run (default 1000)", Value: "MS"),
        new("--batch-timeout-s", "IOBENCH_BATCH_TIMEOUT_S", (s, v) => s with { BatchTimeoutSeconds = PositiveInt("--batch-timeout-s", v) }, s => Format(s.BatchTimeoutSeconds), Help: "the deadline of one batch (default 60)", Value: "S"),
        new("--steady-warmup-s", "IOBENCH_STEADY_WARMUP_S", (s, v) => s with { SteadyWarmupSeconds = PositiveInt("--steady-warmup-s", v) }, s => Format(s.SteadyWarmupSeconds), Help: "the most a pool-dependent cell warms before it is measured (default 4; 2 in --comparison)", Value: "S"),
        new("--strategies", "IOBENCH_STRATEGIES", (s, v) => s with { Strategies = StrategyList(v) }, s => string.Join(',', s.Strategies), Help: "the strategies to run (default all: " + string.Join(',', Strategy.All) + ")", Value: "A,B,..."),
        new("--http-url", "IOBENCH_HTTP_URL", (s, v) => s with { HttpUrl = HttpUrlValue(v) }, s => s.HttpUrl?.ToString() ?? string.Empty, Help: "a running latency server for the HTTP families (default: each starts its own)", Value: "URL"),
        new("--quick", "IOBENCH_QUICK", (s, v) => s with { Quick = Flag("--quick", v) }, s => s.Quick ? "1" : "0", IsFlag: true, Help: "a smoke run of the whole matrix, in this process: N = 1,10, one batch a case (figures not for publishing)"),
        new("--postgres", "IOBENCH_POSTGRES", (s, v) => s with { Postgres = ConnectionString("--postgres", v) }, s => s.Postgres, Display: s => SecretMask.ConnectionString(s.Postgres), Help: "the PostgreSQL server's Npgsql connection string (default: the one scripts/postgres.sh starts)", Value: "CONNECTION"),
        new("--overwrite-results", "IOBENCH_OVERWRITE_RESULTS", (s, v) => s with { OverwriteResults = Flag("--overwrite-results", v) }, s => s.OverwriteResults ? "1" : "0", IsFlag: true, Help: "lets --artifacts write into a published run under results/ (refused otherwise)"),
        new("--scaling", "IOBENCH_SCALING", (s, v) => s with { Scaling = Flag("--scaling", v) }, s => s.Scaling ? "1" : "0", IsFlag: true, Help: "runs only the scaling family beside a bare Task.WhenAll, N up to 1,000,000 (scripts/scaling.sh)"),
        new("--cost", "IOBENCH_COST", (s, v) => s with { Cost = Flag("--cost", v) }, s => s.Cost ? "1" : "0", IsFlag: true, Help: "runs only each strategy's own cost per operation, at zero latency (scripts/cost.sh)"),
        new("--comparison", "IOBENCH_COMPARISON", (s, v) => s with { Comparison = Flag("--comparison", v) }, s => s.Comparison ? "1" : "0", IsFlag: true, Help: "the runtime comparison's matrix (on by default when --runtimes names two or more)"),
        new("--full-matrix", "IOBENCH_FULL_MATRIX", (s, v) => s with { FullMatrix = Flag("--full-matrix", v) }, s => s.FullMatrix ? "1" : "0", IsFlag: true, Help: "the whole default matrix on each runtime of a --runtimes run, instead of the comparison's"),
        new("--starvation", "IOBENCH_STARVATION", (s, v) => s with { Starvation = Flag("--starvation", v) }, s => s.Starvation ? "1" : "0", IsFlag: true, Help: "runs only the thread-pool starvation lab (scripts/starvation.sh)"),
        new("--server-gc", ServerGcVariable, (s, v) => s with { ServerGc = Flag("--server-gc", v) }, s => s.ServerGc ? "1" : "0", IsFlag: true, Help: "Server GC in the benchmark processes (default: workstation GC)"),
        // Only an explicit count travels to child processes: unset, their runtime reads the machine's itself.
        new("--processor-count", ProcessorCountVariable, (s, v) => s with { ProcessorCount = ThreadCount("--processor-count", v) }, s => s.ProcessorCount is { } p ? Format(p) : string.Empty, Display: s => Format(s.BenchmarkProcessorCount), Help: "the processor count the benchmark processes' runtime reports (default: the machine's)", Value: "P"),
        new("--min-worker-threads", MinWorkerThreadsVariable, (s, v) => s with { MinWorkerThreads = ThreadCount("--min-worker-threads", v) }, s => s.MinWorkerThreads is { } m ? Format(m) : string.Empty, Display: s => s.MinWorkerThreads is { } m ? Format(m) : "default", Help: "the thread pool's minimum of worker threads in the benchmark processes (default: the runtime's)", Value: "M"),
        // A call's words may come as one quoted argument or several: they join with spaces, not commas.
        new("--http-call", "IOBENCH_HTTP_CALL", (s, v) => s with { HttpCall = IoBench.Core.Settings.HttpCall.Parse(v) }, s => s.HttpCall?.ToString() ?? string.Empty, Display: s => s.HttpCall?.Display ?? string.Empty, Separator: " ", Help: "your own HTTP call (GET or HEAD) under every strategy, with a decision section", Value: "\"GET URL\""),
        // Repeatable: the command line's headers replace the environment's; one per line in the variable.
        new("--http-header", "IOBENCH_HTTP_HEADERS", (s, v) => s with { HttpHeaders = [.. s.HttpHeaders, .. HttpHeader.ParseList(v)] }, s => HttpHeader.FormatList(s.HttpHeaders), Display: s => string.Join(" | ", s.HttpHeaders.Select(h => h.Display)), Separator: " ", Reset: s => s with { HttpHeaders = [] }, Help: "a request header of --http-call (repeatable)", Value: "\"NAME: VALUE\""),
        new("--http-status", "IOBENCH_HTTP_STATUS", (s, v) => s with { HttpStatus = ExpectedStatus.Parse(v) }, s => s.HttpStatus.ToString(), Help: "the statuses --http-call must answer with, codes or classes (default 2xx)", Value: "CODES"),
        new("--sql-call", "IOBENCH_SQL_CALL", (s, v) => s with { SqlCall = SqlStatement(v) }, s => s.SqlCall ?? string.Empty, Separator: " ", Help: "your own SQL statement under every strategy, on the --postgres server or --sqlite-file", Value: "\"STATEMENT\""),
        new("--sqlite-file", "IOBENCH_SQLITE_FILE", (s, v) => s with { SqliteFile = ExistingFile("--sqlite-file", v) }, s => s.SqliteFile ?? string.Empty, Separator: " ", Help: "the SQLite file --sql-call runs against instead of PostgreSQL", Value: "FILE"),
        new("--allow-writes", "IOBENCH_ALLOW_WRITES", (s, v) => s with { AllowWrites = Flag("--allow-writes", v) }, s => s.AllowWrites ? "1" : "0", IsFlag: true, Help: "lets --sql-call write (default: the database refuses any write)"),
        new("--time-cap-s", "IOBENCH_TIME_CAP_S", (s, v) => s with { TimeCapSeconds = PositiveInt("--time-cap-s", v) }, s => s.ExplicitTimeCapSeconds is { } cap ? Format(cap) : string.Empty, Display: s => Format(s.TimeCapSeconds), Help: "the most a --http-call or --sql-call run may take, build included (default 300)", Value: "S"),
    ];

    /// <summary>Reads every setting from the environment (unset variables keep their defaults).</summary>
    public static SuiteSettings FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var settings = new SuiteSettings();
        foreach (var option in Options)
        {
            var value = getVariable(option.Variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                settings = option.Apply(settings, value);
            }
        }

        return settings;
    }

    /// <summary>
    /// Applies the suite's own options from <paramref name="args"/> and returns the arguments that are not
    /// the suite's (BenchmarkDotNet's own, such as --filter), in order.
    /// </summary>
    public SuiteSettings WithCommandLine(IReadOnlyList<string> args, out IReadOnlyList<string> remaining)
    {
        var settings = this;
        var rest = new List<string>();
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = SplitInline(args[i]);
            var option = Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                rest.Add(args[i]);
                continue;
            }

            string value;
            if (inline is not null)
            {
                value = inline;
            }
            else if (option.IsFlag)
            {
                value = "1";
            }
            else
            {
                // A list may be one token ("1,10,100") or several ("1 10 100"), up to the next option.
                var values = new List<string>();
                while (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                {
                    values.Add(args[++i]);
                }

                value = values.Count > 0 ? string.Join(option.Separator, values) : throw new SettingsException($"{option.Name} needs a value.");
            }

            if (option.Reset is { } reset && repeated.Add(option.Name))
            {
                settings = reset(settings); // the first on the command line replaces what the environment gave
            }

            settings = option.Apply(settings, value);
        }

        remaining = rest;
        return settings.Validated();
    }

    /// <summary>
    /// Checks the rules that join two settings (each option alone is checked as it is read); called once every
    /// source has been applied, since the environment may set one and the command line the other.
    /// </summary>
    public SuiteSettings Validated()
    {
        if ((long)LatencyMs * 2 > BatchTimeoutSeconds * 1000L)
        {
            throw new SettingsException(string.Create(CultureInfo.InvariantCulture,
                $"--latency-ms {LatencyMs} is too long for the batch deadline: L may be at most half of --batch-timeout-s {BatchTimeoutSeconds} ({BatchTimeoutSeconds * 500L} ms)."));
        }

        var presets = new[] { (Scaling, "--scaling"), (Cost, "--cost"), (Starvation, "--starvation"), (HttpCall is not null, "--http-call"), (SqlCall is not null, "--sql-call") }
            .Where(p => p.Item1).Select(p => p.Item2).ToList();
        if (presets.Count > 1)
        {
            throw new SettingsException($"{string.Join(" and ", presets)} select different families: run them one after the other.");
        }

        ValidateCall();

        if (Comparison && FullMatrix)
        {
            throw new SettingsException("--comparison and --full-matrix choose different matrices: give one of them.");
        }

        if (Comparison && Preset is not null)
        {
            throw new SettingsException($"--comparison narrows the default suite; --{Preset} runs its own families: leave out one of them.");
        }

        if (Preset is not null && Quick)
        {
            throw new SettingsException($"--quick runs the default suite in process; --{Preset} needs its own processes (its figures are the point): leave out --quick.");
        }

        if (Starvation && MinWorkerThreads is { } minimum)
        {
            throw new SettingsException(string.Create(CultureInfo.InvariantCulture,
                $"--starvation compares the pool's default minimum with N; --min-worker-threads {minimum} holds it at {minimum} in every process (the runtime then refuses SetMinThreads): leave out one of them."));
        }

        if (ServerGc && BenchmarkProcessorCount == 1)
        {
            throw new SettingsException(ProcessorCount is null
                ? "--server-gc needs more than one processor: on this machine's one the runtime runs workstation GC whatever is asked."
                : "--server-gc needs more than one processor: with --processor-count 1 the runtime runs workstation GC whatever is asked.");
        }

        return this;
    }

    /// <summary>The settings as environment variables, for child processes.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() =>
        Options.ToDictionary(o => o.Variable, o => o.Format(this));

    /// <summary>
    /// The effective settings for a report or a log: defaults shown as values, passwords inside connection strings masked.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToDisplayEnvironment() =>
        Options.ToDictionary(o => o.Variable, o => (o.Display ?? o.Format)(this));

    /// <summary>Writes <see cref="ToEnvironment"/> into this process's environment, which child processes inherit.</summary>
    public void Export()
    {
        foreach (var (name, value) in ToEnvironment())
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static (string Name, string? Inline) SplitInline(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new SettingsException($"{name} must be a positive whole number, got '{value}'.");

    private static int ThreadCount(string name, string value) =>
        PositiveInt(name, value) is var count && count <= MaxThreads
            ? count
            : throw new SettingsException(string.Create(CultureInfo.InvariantCulture, $"{name} allows at most {MaxThreads:N0} (the pool counts threads in 16 bits), got '{value}'."));

    private static int[] OpsList(string value) =>
        ListEntries("--ops", value)
            .Select(p => PositiveInt("--ops", p) is var n && n <= MaxOps
                ? n
                : throw new SettingsException(string.Create(CultureInfo.InvariantCulture, $"--ops allows at most N = {MaxOps:N0}, got '{p}'.")))
            .Distinct()
            .Order()
            .ToArray();

    /// <summary>
    /// The entries of a list given as "a,b,c" or "a b c"; an empty entry ("a,,b", a trailing comma) is refused
    /// rather than skipped, since it is usually a value the user meant to write.
    /// </summary>
    private static string[] ListEntries(string name, string value)
    {
        var entries = value.Split(',').Select(e => e.Trim()).ToArray();
        if (entries.All(e => e.Length == 0))
        {
            throw new SettingsException($"{name} needs at least one value.");
        }

        return entries.Any(e => e.Length == 0)
            ? throw new SettingsException($"{name} has an empty entry in '{value}': write values separated by single commas.")
            : entries.SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
    }

    private static string ConnectionString(string name, string value)
    {
        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = value.Trim() };
            return value.Trim();
        }
        catch (ArgumentException e)
        {
            throw new SettingsException($"{name} is not a valid connection string: {e.Message}");
        }
    }

    private static string SqlStatement(string value) =>
        value.Trim() is { Length: > 0 } statement ? statement : throw new SettingsException("--sql-call needs a statement, e.g. \"SELECT 1\".");

    /// <summary>An existing file, as an absolute path: BenchmarkDotNet's child processes run in folders of their own.</summary>
    private static string ExistingFile(string name, string value)
    {
        var path = Path.GetFullPath(value.Trim());
        return File.Exists(path) ? path : throw new SettingsException($"{name}: no such file '{value.Trim()}'.");
    }

    private static Uri HttpUrlValue(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new SettingsException($"--http-url must be an absolute http:// or https:// URL, got '{value}'.");

    private static bool Flag(string name, string value) => value.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" => true,
        "0" or "false" or "no" => false,
        _ => throw new SettingsException($"{name} is a flag: use 1 or 0, got '{value}'."),
    };

    private static StrategyKind[] StrategyList(string value) =>
        ListEntries("--strategies", value)
            .Select(p => Strategy.TryParse(p, out var kind)
                ? kind
                : throw new SettingsException($"--strategies: unknown strategy '{p}'; known: {string.Join(", ", Strategy.All)}."))
            .Distinct()
            .ToArray();

    private sealed record SettingOption(
        string Name,
        string Variable,
        Func<SuiteSettings, string, SuiteSettings> Apply,
        Func<SuiteSettings, string> Format,
        bool IsFlag = false,
        Func<SuiteSettings, string>? Display = null,
        string Separator = ",",
        Func<SuiteSettings, SuiteSettings>? Reset = null,
        string Help = "",
        string? Value = null);
}
