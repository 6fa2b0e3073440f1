using System.Diagnostics;
using System.Runtime;

namespace IoBench.Core.Workloads;

/// <summary>
/// Runs an operation one call after another until the JIT has tiered its code up. .NET compiles a method first at tier 0
/// (fast to compile, slow to run); after 30 calls, and 100 ms without new tier-0 compilations, it recompiles it with
/// instrumentation (dynamic PGO), and after 30 more calls at full optimisation, in the background. A process that makes
/// only a handful of calls measures tier-0 code: in the 2026-11-23 run SqliteQuery's Sequential N = 1 took 25.9 ms per
/// operation where a warmed process took 19.7 ms, PostgresQuery's 0.45 ms against 0.25 ms. Warm means: at least
/// <see cref="MinOperations"/> calls or <see cref="MinTime"/> (an operation of 20 ms calls its inner methods thousands of
/// times per call), then no method compiled for <see cref="Quiet"/> (<see cref="JitInfo.GetCompiledMethodCount"/>).
/// </summary>
public static class TieredWarmup
{
    /// <summary>Two promotions of 30 calls each: tier 0, instrumented tier, optimised tier.</summary>
    public const int MinOperations = 60;

    public static readonly TimeSpan MinTime = TimeSpan.FromMilliseconds(300);

    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    /// <summary>Calls <paramref name="operation"/> until warm or <paramref name="max"/> has passed.</summary>
    public static async Task<WarmupResult> RunAsync(Func<ValueTask> operation, TimeSpan max)
    {
        var state = new State();
        while (!state.Done(max))
        {
            await operation().ConfigureAwait(false);
            state.Called();
        }

        return state.Result;
    }

    /// <summary>The synchronous form, for work that has no async call (a calibration trial).</summary>
    public static WarmupResult Run(Action operation, TimeSpan max)
    {
        var state = new State();
        while (!state.Done(max))
        {
            operation();
            state.Called();
        }

        return state.Result;
    }

    private sealed class State
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private long _compiled = JitInfo.GetCompiledMethodCount();
        private long _lastCompiled = Stopwatch.GetTimestamp();
        private int _calls;

        public WarmupResult Result => new(_calls, Stopwatch.GetElapsedTime(_started), Stopwatch.GetElapsedTime(_lastCompiled) >= Quiet);

        public void Called()
        {
            _calls++;
            var compiled = JitInfo.GetCompiledMethodCount();
            if (compiled != _compiled)
            {
                (_compiled, _lastCompiled) = (compiled, Stopwatch.GetTimestamp());
            }
        }

        public bool Done(TimeSpan max)
        {
            var elapsed = Stopwatch.GetElapsedTime(_started);
            return elapsed >= max ||
                ((_calls >= MinOperations || elapsed >= MinTime) && Stopwatch.GetElapsedTime(_lastCompiled) >= Quiet);
        }
    }
}

/// <param name="Quiet">True when no method was compiled during the last <see cref="TieredWarmup.Quiet"/>.</param>
public readonly record struct WarmupResult(int Calls, TimeSpan Elapsed, bool Quiet)
{
    public const string Prefix = "// IoBench.JitWarmup";

    public string ToLine() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Prefix} calls={Calls} seconds={Elapsed.TotalSeconds:0.00} quiet={(Quiet ? "yes" : "no")}");
}
