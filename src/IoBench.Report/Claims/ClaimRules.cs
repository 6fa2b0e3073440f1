using System.Globalization;
using IoBench.Core.Theory;

namespace IoBench.Report.Claims;

/// <summary>
/// The ten claims' verdicts, each computed by a stated rule from the run's data file and nothing else. A rule reads
/// steady figures at the largest N the cells ran (where the claim is about a fresh process, the cold figure), and
/// compares Mean with the law the claim names: within a tight band "holds", within a loose one "holds with a caveat",
/// outside "does not hold in .NET"; a claim whose cells are not in the file is "not measured yet". Claims 4 and 8 also
/// read each cell's batch range, and say "not decided on this run" where the range crosses one of their bounds.
/// </summary>
internal static class ClaimRules
{
    public static IReadOnlyList<Claim> Evaluate(RunData run)
    {
        var q = new RunQuery(run);
        Func<RunQuery, Claim>[] rules = [Claim1, Claim2, Claim3, Claim4, Claim5, Claim6, Claim7, Claim8, Claim9, Claim10];
        return [.. rules.Select(rule => Supported(q, rule(q), q.TakeRead()))];
    }

    /// <summary>
    /// A verdict stands only where the cells its rule read can make it come out otherwise (<see cref="RunSupport"/>): enough
    /// batches each, and L measured where the rule divides by it; else "not decided on this run" with the reason. A quick
    /// run's claims whose cells its preset does not make say so; its figures are the cells' means, no ratio to a nominal L.
    /// </summary>
    internal static Claim Supported(RunQuery q, Claim claim, (IReadOnlyList<CaseData> Read, IReadOnlyList<CaseData> Divided) cells)
    {
        var quick = RunSupport.IsQuick(q.Run);
        if (claim.Verdict == Claim.NotMeasured)
        {
            return !quick ? claim : claim with
            {
                Verdict = Claim.NotRunByQuick,
                Cells = claim.Cells == "-" ? "none on this run" : claim.Cells,
                Figures = "none on this run",
                Explanation = F($"The quick preset does not make these cells: it runs N = {(q.Run.Environment.Settings.GetValueOrDefault("IOBENCH_OPS") ?? "1,10").Replace(",", ", ", StringComparison.Ordinal)} in the host's process, where a limit (K, P or C) of {q.Run.Environment.Settings.GetValueOrDefault("IOBENCH_LIMIT") ?? "10"} binds at no N, and keeps no batch line (failure counts, threads, Sync%). A full run (scripts/bench.sh) makes them."),
            };
        }

        if ((RunSupport.WhyNotDecided(cells.Read, needsMeasuredL: false) ?? RunSupport.WhyNotDecided(cells.Divided, needsMeasuredL: true)) is not { } why)
        {
            return claim;
        }

        return claim with
        {
            Verdict = Claim.NotDecided,
            Figures = !quick || cells.Read.Count == 0 ? claim.Figures
                : string.Join("; ", cells.Read.Select(c => F($"{FamilyData.TitleOf(c.Workload, c.Parameters)} {ReportFamily.Label(new RowData(c.Strategy, c.K))} N = {c.N}: {Ms(c)} ({RunSupport.Batches(c)} batch{(RunSupport.Batches(c) == 1 ? string.Empty : "es")})"))),
            Explanation = $"Not decided on this run: {why}. {claim.Explanation}",
        };
    }

    private static Claim Claim1(RunQuery q)
    {
        const string statement = "N blocking calls take N×L; N concurrent async calls take max(L).";
        const string rule = "Sleep: Sequential's Mean/(N×L) and Task's Mean/max(L) at the largest N each ran: both within 3% of 1 (Task: ≤ 1.1) holds; within 10% (Task: ≤ 1.5) holds with a caveat.";
        var sequential = q.Largest("Sleep", "Sequential");
        var task = q.Largest("Sleep", "Task");
        if (sequential is null || task is null)
        {
            return new(1, statement, "Sleep Sequential, Task", "-", Claim.NotMeasured, rule, "The cells did not run.");
        }

        var s = q.OfSequential(sequential);
        var t = q.Factor(task);
        var verdict = Math.Abs(s - 1) <= 0.03 && t <= 1.1 ? Claim.Holds : Math.Abs(s - 1) <= 0.1 && t <= 1.5 ? Claim.HoldsWithCaveat : Claim.DoesNotHold;
        return new(1, statement, $"Sleep Sequential N = {sequential.N}, Task N = {task.N}",
            F($"Sequential {Ms(sequential)} = {s:0.000} × N×L; Task {Ms(task)} = {t:0.00} × max(L)"), verdict, rule,
            F($"{sequential.N} sleeps one after another take their sum; {task.N} Task.Delay calls started together end with the slowest one. The overlap costs no thread per wait: Task used {task.Threads?.ToString(CultureInfo.InvariantCulture) ?? "-"} threads."));
    }

    private static Claim Claim2(RunQuery q)
    {
        const string statement = "Async is concurrency, not parallelism: one thread (an event loop) reaches max(L) for I/O.";
        const string rule = "Sleep EventLoop (one thread) at its largest N: Mean/max(L) ≤ 1.1 holds, ≤ 1.5 holds with a caveat.";
        if (q.Largest("Sleep", "EventLoop") is not { } loop)
        {
            return new(2, statement, "Sleep EventLoop", "-", Claim.NotMeasured, rule, "The cell did not run.");
        }

        var f = q.Factor(loop);
        return new(2, statement, $"Sleep EventLoop N = {loop.N}", F($"{Ms(loop)} = {f:0.00} × max(L)"),
            f <= 1.1 ? Claim.Holds : f <= 1.5 ? Claim.HoldsWithCaveat : Claim.DoesNotHold, rule,
            F($"All {loop.N} waits are started and resumed on one dedicated thread with a single-threaded SynchronizationContext; none of them holds the thread while it waits, so they overlap without any parallelism."));
    }

    private static Claim Claim3(RunQuery q)
    {
        const string statement = "A blocking call inside async code stalls the event loop: back to N×L.";
        const string rule = "Sleep EventLoopBlocking at its largest N: Mean/(N×L) within 3% of 1 holds, within 10% holds with a caveat.";
        if (q.Largest("Sleep", "EventLoopBlocking") is not { } blocking)
        {
            return new(3, statement, "Sleep EventLoopBlocking", "-", Claim.NotMeasured, rule, "The cell did not run.");
        }

        var s = q.OfSequential(blocking);
        return new(3, statement, $"Sleep EventLoopBlocking N = {blocking.N}", F($"{Ms(blocking)} = {s:0.000} × N×L"),
            Band(s, 0.03, 0.1), rule,
            "Thread.Sleep on the loop's only thread holds it for L, and the next operation cannot start until it returns: the loop is as sequential as a for loop.");
    }

    private static Claim Claim4(RunQuery q)
    {
        const string statement = "Threads also overlap I/O but cost more per operation than tasks.";
        const string rule = "Sleep Thread against Task at the largest N both ran, each cell's fastest and slowest of at least 3 measured batches. Overlap: Thread's slowest batch under N×L/2 (its fastest at or over it: does not hold). Time: Thread's fastest batch slower than Task's slowest; Thread's slowest faster than Task's fastest does not hold; ranges that overlap decide nothing. (Thread − Task)/N is what a thread's start and join add to an operation; it must stay below L for threads to overlap. Memory: managed B/op, Thread's above Task's holds, not above is the caveat (a thread's stack is native memory, outside the figure). The thread count is shown, not judged: it counts the dedicated threads themselves. Anything the ranges leave open: not decided on this run.";
        const string why = "One OS thread per operation overlaps the waits only while threads start faster than operations end; each start and join costs the caller time a task does not, and each thread reserves its own stack (native memory, not in managed B/op).";
        var n = q.LargestCommon("Sleep", "Thread", "Task");
        if (n is null)
        {
            return new(4, statement, "Sleep Thread, Task", "-", Claim.NotMeasured, rule, "The cells did not run.");
        }

        var (thread, task) = (q.Steady("Sleep", "Thread", n.Value)!, q.Steady("Sleep", "Task", n.Value)!);
        var (threadBatches, taskBatches) = (BatchRange.Of(thread), BatchRange.Of(task));
        var sequentialMs = q.L(thread).TotalMilliseconds * thread.N;
        var extraMs = (thread.MeanMs!.Value - task.MeanMs!.Value) / n.Value;
        var figures = F($"Thread {Ms(thread)} ({threadBatches}), {thread.MeanMs.Value / sequentialMs:0.000} × N×L, {thread.Threads} threads, {thread.AllocatedPerOperation:N0} B/op; Task {Ms(task)} ({taskBatches}), {task.Threads} threads, {task.AllocatedPerOperation:N0} B/op; Thread − Task = {extraMs:0.000} ms per operation ({extraMs / q.L(thread).TotalMilliseconds:0.0000} × L)");
        var (verdict, reason) =
            threadBatches.Count < BatchRange.Deciding || taskBatches.Count < BatchRange.Deciding ? (Claim.NotDecided, F($"Not decided: the rule needs {BatchRange.Deciding} batches a cell. "))
            : threadBatches.MinMs >= sequentialMs / 2 ? (Claim.DoesNotHold, "Thread's batches took half of N×L or more: the threads did not overlap the waits. ")
            : threadBatches.MaxMs >= sequentialMs / 2 ? (Claim.NotDecided, "Not decided: Thread's batches lie on both sides of N×L/2. ")
            : threadBatches.MaxMs < taskBatches.MinMs ? (Claim.DoesNotHold, "Every Thread batch was faster than every Task batch. ")
            : threadBatches.MinMs <= taskBatches.MaxMs ? (Claim.NotDecided, "Not decided: Thread's and Task's batch ranges overlap, so the difference is within the run's spread. ")
            : thread.AllocatedPerOperation > task.AllocatedPerOperation ? (Claim.Holds, string.Empty)
            : (Claim.HoldsWithCaveat, "Caveat: Thread allocates no more managed memory per operation than Task; its cost is time and native stack. ");
        return new(4, statement, F($"Sleep Thread, Task N = {n}"), figures, verdict, rule, reason + why);
    }

    private static Claim Claim5(RunQuery q)
    {
        const string statement = "Blocking handlers on a thread pool are bounded by the pool's size, on the client and on the server side.";
        const string rule = "Client: Sleep ThreadPool, cold, at least 2 × the Thread strategy's Mean at the largest N both ran. Server: HttpBlockingServer Task with the server's default pool at least 2 × the same cell with ServerMinThreads = 200. Both holds, one holds with a caveat.";
        var n = q.LargestCommon("Sleep", "ThreadPool", "Thread");
        var pool = n is { } sleepN ? q.Cold("Sleep", "ThreadPool", sleepN) ?? q.Steady("Sleep", "ThreadPool", sleepN) : null;
        var thread = n is { } threadN ? q.Steady("Sleep", "Thread", threadN) : null;
        var serverN = q.LargestCommon("HttpBlockingServer", "Task", "Task", ("ServerMinThreads", "default"), ("ServerMinThreads", "200"));
        var serverDefault = serverN is { } sd ? q.Steady("HttpBlockingServer", "Task", sd, parameter: ("ServerMinThreads", "default")) : null;
        var server200 = serverN is { } s2 ? q.Steady("HttpBlockingServer", "Task", s2, parameter: ("ServerMinThreads", "200")) : null;
        if ((pool is null || thread is null) && (serverDefault is null || server200 is null))
        {
            return new(5, statement, "Sleep ThreadPool, Thread; HttpBlockingServer Task", "-", Claim.NotMeasured, rule, "The cells did not run.");
        }

        var figures = new List<string>();
        var bound = 0;
        if (pool is not null && thread is not null)
        {
            figures.Add(F($"ThreadPool N = {pool.N} {pool.Regime.ToLowerInvariant()} {Ms(pool)} against Thread {Ms(thread)} (min worker threads {q.Run.Environment.MinWorkerThreads?.ToString(CultureInfo.InvariantCulture) ?? "?"})"));
            bound += pool.MeanMs >= 2 * thread.MeanMs ? 1 : 0;
        }

        if (serverDefault is not null && server200 is not null)
        {
            figures.Add(F($"HttpBlockingServer Task N = {serverDefault.N}: {Ms(serverDefault)} with the server's default pool ({serverDefault.ServerThreads?.ToString(CultureInfo.InvariantCulture) ?? "-"} server threads) against {Ms(server200)} with ServerMinThreads = 200 ({server200.ServerThreads?.ToString(CultureInfo.InvariantCulture) ?? "-"})"));
            bound += serverDefault.MeanMs >= 2 * server200.MeanMs ? 1 : 0;
        }

        return new(5, statement, "Sleep ThreadPool (cold), Thread; HttpBlockingServer Task, ServerMinThreads default and 200", string.Join("; ", figures),
            bound == 2 ? Claim.Holds : bound == 1 ? Claim.HoldsWithCaveat : Claim.DoesNotHold, rule,
            "A blocked work item holds a pool thread for L; the pool starts with one thread per core and adds about one per burst, so N blocked items wait in waves of the threads it has. Raising the minimum to N (the server's SetMinThreads(200)) removes the waves.");
    }

    private static Claim Claim6(RunQuery q)
    {
        const string statement = "CPU-bound work gains nothing from async; it scales only with cores.";
        const string rule = "Cpu Task at its largest N: Mean/(ceil(N/cores)×L) within 25% of 1, and Cpu EventLoop (async on one thread) Mean/(N×L) within 10% of 1: holds; Task within 50% and EventLoop within 25% holds with a caveat.";
        var task = q.Largest("Cpu", "Task");
        var loop = q.Largest("Cpu", "EventLoop");
        if (task is null || loop is null)
        {
            return new(6, statement, "Cpu Task, EventLoop", "-", Claim.NotMeasured, rule, "The cells did not run.");
        }

        var cores = q.Run.Environment.Cores;
        var t = task.MeanMs!.Value / Bounds.CoreBound(task.N, cores, q.L(task)).TotalMilliseconds;
        var e = q.OfSequential(loop);
        return new(6, statement, $"Cpu Task N = {task.N}, EventLoop N = {loop.N}",
            F($"Task {Ms(task)} = {t:0.00} × ceil(N/{cores})×L; EventLoop {Ms(loop)} = {e:0.00} × N×L"),
            Math.Abs(t - 1) <= 0.25 && Math.Abs(e - 1) <= 0.1 ? Claim.Holds : Math.Abs(t - 1) <= 0.5 && Math.Abs(e - 1) <= 0.25 ? Claim.HoldsWithCaveat : Claim.DoesNotHold, rule,
            F($"Computation holds a core for all of L: Task spreads it over the pool's threads on {cores} cores and no further, and async on one thread is sequential code."));
    }

    private static Claim Claim7(RunQuery q)
    {
        const string statement = "An exception in fire-and-forget async work is lost to the caller; awaited work surfaces it.";
        const string rule = "FireAndForget family, Task, N = 100, every tenth operation failing; where each failure went is measured after every batch (caught by the caller's code, raised on UnobservedTaskException after full collections, or neither) and each batch's calls' time (first start to last end). Holds when the fire-and-forget caller caught none of the failures and its batch (Mean) lasted less than half its calls' time, and the awaiting caller caught a failure in every batch and its batch lasted at least 0.95 × its calls' time; the fire-and-forget half alone holds with a caveat; a fire-and-forget caller that caught a failure, or whose batch lasted half its calls' time or more (it was still running when they failed), does not hold. Where the uncaught failures went is shown, not judged.";
        // The family's cases are the ones that count failures (FireAndForgetBenchmarks), whatever the workload's name.
        var awaits = q.Run.Cases.FirstOrDefault(c => c is { Regime: "Steady", Success: true, Failures: not null, MeanMs: not null } && c.Parameters.GetValueOrDefault("Caller") == "Awaits");
        var dropped = q.Run.Cases.FirstOrDefault(c => c is { Regime: "Steady", Success: true, Failures: not null, MeanMs: not null } && c.Parameters.GetValueOrDefault("Caller") == "FireAndForget");
        const string cells = "FireAndForget Task, Caller = Awaits and FireAndForget";
        if (awaits?.Failures is not { } a || dropped?.Failures is not { } d)
        {
            // An in-process run (--quick) measures the cells but keeps no batch lines, so it has no counts to judge.
            return new(7, statement, cells, "-", Claim.NotMeasured, rule,
                q.Run.Cases.Any(c => c.Parameters.ContainsKey("Caller") && c.Success)
                    ? "The cells ran without their batch lines (an in-process --quick run keeps none): no failure was counted."
                    : "The cells did not run.");
        }

        if (a is not { Unobserved: not null, MeanCallsMs: not null } || d is not { Unobserved: not null, MeanCallsMs: not null })
        {
            // Runs before issue 19: the fire-and-forget caller's count was never incremented by anything, 0 by construction.
            return new(7, statement, cells, "-", Claim.NotMeasured, rule,
                "This data file predates the measured counts: it has no calls' time and no UnobservedTaskException count, and its fire-and-forget caller's count could not have been other than 0.");
        }

        var (droppedMs, droppedCallsMs, awaitsMs, awaitsCallsMs) = (dropped!.MeanMs!.Value, d.MeanCallsMs!.Value, awaits!.MeanMs!.Value, a.MeanCallsMs!.Value);
        var lost = d.Occurred > 0 && d.Seen == 0 && droppedMs < droppedCallsMs / 2;
        var surfaced = a.Occurred > 0 && a.BatchesSeen == a.Batches && awaitsMs >= 0.95 * awaitsCallsMs;
        return new(7, statement, $"FireAndForget Task N = {awaits.N}, Caller = Awaits and FireAndForget",
            F($"FireAndForget: batch {MarkdownReport.ShortMilliseconds(droppedMs)} against its calls' {MarkdownReport.ShortMilliseconds(droppedCallsMs)} ({droppedMs / droppedCallsMs:0.000} ×); of {d.Occurred} failures in {d.Batches} batches the caller caught {d.Seen}, UnobservedTaskException raised {d.Unobserved} after collections, {d.Nowhere} reached neither. ")
            + F($"Awaits: batch {MarkdownReport.ShortMilliseconds(awaitsMs)} against its calls' {MarkdownReport.ShortMilliseconds(awaitsCallsMs)} ({awaitsMs / awaitsCallsMs:0.00} ×); the caller caught a failure in {a.BatchesSeen} of {a.Batches} batches ({a.Seen} of {a.Occurred}: await rethrows the first), UnobservedTaskException raised {a.Unobserved}, {a.Nowhere} reached neither"),
            !lost ? Claim.DoesNotHold : surfaced ? Claim.Holds : Claim.HoldsWithCaveat, rule,
            "Started and not awaited, the calls fail after the caller has returned: its batch looks instant and successful, and the exceptions end on tasks nobody holds, which the runtime reports to TaskScheduler.UnobservedTaskException only when a collection finalizes them (no caller's code runs). Awaited, Task.WhenAll's await throws the first failure; the others stay on the batch task's AggregateException, observed by Task.WhenAll, so they are neither caught nor reported.");
    }

    private static Claim Claim8(RunQuery q)
    {
        const string statement = "The driver decides: an \"async\" API with no asynchronous I/O underneath behaves like a blocking one.";
        const string rule = "Judged on SQLite alone: SqliteSleep Task at its largest N, each of at least 3 measured batches over N×L: all ≥ 0.9 with Sync% ≥ 95 holds; all ≥ 0.9 with Sync% under 95, or all from 0.5 to 0.9, holds with a caveat; all under 0.5 (the calls overlapped) does not hold; batches in two of these bands: not decided on this run. FileWrite Task against Sequential is shown, not judged: .NET on Linux writes a file asynchronously as a blocking pwrite on a pool thread and has no async fsync, so that ratio measures the pool's threads and the disk's flushes rather than the driver, and its batches spread as wide as the difference.";
        const string why = "Microsoft.Data.Sqlite's *Async methods run synchronously, so Task.WhenAll over them is a loop. File writes reach the kernel on pool threads, and the disk's flushes are their limit.";
        var sqlite = q.Largest("SqliteSleep", "Task");
        if (sqlite is null)
        {
            return new(8, statement, "SqliteSleep Task", "-", Claim.NotMeasured, rule, "The cell did not run.");
        }

        var batches = BatchRange.Of(sqlite);
        var sequentialMs = q.L(sqlite).TotalMilliseconds * sqlite.N;
        var figures = F($"SqliteSleep Task N = {sqlite.N}: {Ms(sqlite)} = {sqlite.MeanMs!.Value / sequentialMs:0.00} × N×L ({batches}: {batches.MinMs / sequentialMs:0.000} to {batches.MaxMs / sequentialMs:0.000}), Sync% {sqlite.SyncPercent:0}");
        var cells = "SqliteSleep Task";
        var n = q.LargestCommon("FileWrite", "Task", "Sequential");
        if (n is { } fileN && q.Steady("FileWrite", "Task", fileN) is { } fileTask && q.Steady("FileWrite", "Sequential", fileN) is { } fileSequential)
        {
            cells += F($"; FileWrite Task, Sequential N = {fileN} (shown, not judged)");
            figures += F($"; FileWrite N = {fileN}, not judged: Task {Ms(fileTask)} ({BatchRange.Of(fileTask)}) against Sequential {Ms(fileSequential)} ({BatchRange.Of(fileSequential)})");
        }

        // A band per batch ratio; the verdict is the band all batches share (the bands are ordered, so the fastest and slowest batch decide).
        string Band(double ratio) => ratio >= 0.9 ? (sqlite.SyncPercent >= 95 ? Claim.Holds : Claim.HoldsWithCaveat) : ratio >= 0.5 ? Claim.HoldsWithCaveat : Claim.DoesNotHold;
        var (fastest, slowest) = (Band(batches.MinMs / sequentialMs), Band(batches.MaxMs / sequentialMs));
        var (verdict, reason) =
            batches.Count < BatchRange.Deciding ? (Claim.NotDecided, F($"Not decided: the rule needs {BatchRange.Deciding} batches. "))
            : fastest != slowest ? (Claim.NotDecided, "Not decided: the batches fall in two of the rule's bands. ")
            : (fastest, fastest == Claim.DoesNotHold ? "The calls overlapped: the driver did asynchronous I/O. " : string.Empty);
        return new(8, statement, cells, figures, verdict, rule, reason + why);
    }

    private static Claim Claim9(RunQuery q)
    {
        const string statement = "A semaphore or channel of K gives ceil(N/K)×L.";
        const string rule = "Sleep Bounded and Channel rows with K: Mean/(ceil(N/K)×L) at every N they ran, all within 10% of 1 holds, all within 30% holds with a caveat.";
        var cells = q.Cases("Sleep").Where(c => c is { Regime: "Steady", Success: true, K: > 0 } && c.Strategy is "Bounded" or "Channel").ToList();
        return LimitClaim(q, 9, statement, rule, cells, c => c.K, _ => "K",
            "K consumers (Channel) or K slots (SemaphoreSlim) let K waits overlap; N operations then take ceil(N/K) waves of L.");
    }

    private static Claim Claim10(RunQuery q)
    {
        const string statement = "A connection pool of P (database) or C connections (HTTP) gives ceil(N/P)×L.";
        const string rule = "PostgresSleep with Pool = P and HttpDelay with Connections = C, the Task row: Mean/(ceil(N/P)×L) at every N it ran, all within 10% of 1 holds, all within 30% holds with a caveat.";
        var cells = q.Run.Cases.Where(c => c is { Regime: "Steady", Success: true, Strategy: "Task", K: 0 } && Limit(c) > 0 && c.Workload is "PostgresSleep" or "HttpDelay").ToList();
        return LimitClaim(q, 10, statement, rule, cells, Limit, c => c.Parameters.ContainsKey("Pool") ? "P" : "C",
            "A pool of P connections runs P queries at a time and queues the rest (Npgsql waits for a free connection; SocketsHttpHandler for a free connection per server).");
    }

    private static Claim LimitClaim(RunQuery q, int number, string statement, string rule, List<CaseData> cells, Func<CaseData, int> limit, Func<CaseData, string> name, string explanation)
    {
        if (cells.Count == 0)
        {
            return new(number, statement, "-", "-", Claim.NotMeasured, rule, "The cells did not run.");
        }

        var ratios = cells.Select(c => (Case: c, Ratio: c.MeanMs!.Value / Bounds.Limited(c.N, limit(c), q.L(c)).TotalMilliseconds)).ToList();
        var worst = ratios.Max(r => Math.Abs(r.Ratio - 1));
        return new(number, statement,
            string.Join(", ", ratios.Select(r => F($"{r.Case.Workload} {r.Case.Strategy} {name(r.Case)} = {limit(r.Case)} N = {r.Case.N}")).Distinct()),
            string.Join("; ", ratios.Select(r => F($"{r.Case.Workload} {r.Case.Strategy} {name(r.Case)} = {limit(r.Case)} N = {r.Case.N}: {Ms(r.Case)} = {r.Ratio:0.00} × ceil(N/{name(r.Case)})×L"))),
            worst <= 0.1 ? Claim.Holds : worst <= 0.3 ? Claim.HoldsWithCaveat : Claim.DoesNotHold, rule, explanation);
    }

    private static int Limit(CaseData c) =>
        (c.Parameters.GetValueOrDefault("Pool") ?? c.Parameters.GetValueOrDefault("Connections")) is { } value && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : 0;

    private static string Band(double ratio, double tight, double loose) =>
        Math.Abs(ratio - 1) <= tight ? Claim.Holds : Math.Abs(ratio - 1) <= loose ? Claim.HoldsWithCaveat : Claim.DoesNotHold;

    private static string Ms(CaseData c) => MarkdownReport.Milliseconds(ReportFamily.Milliseconds(c.MeanMs!.Value));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
