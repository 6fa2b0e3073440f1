using System.Globalization;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Parameters;

/// <summary>
/// P, the maximum size of a workload's connection pool, as a benchmark parameter. <see cref="AsLargeAsN"/> (shown
/// "N") gives each batch a pool of N connections, so the pool never makes an operation wait; a fixed P below N
/// makes the batch run in waves, ceil(N/P) x L, like K does for Channel and Bounded.
/// </summary>
public sealed record PoolSize(int Size) : ICellRule
{
    public static PoolSize AsLargeAsN { get; } = new(0);

    /// <summary>
    /// True for a user's call's fixed pool (--sql-call): shown like the HTTP families' connection limit C, for Task,
    /// ValueTask and Thread up to <see cref="MaxWaves"/> waves, where the ceil(N/P)×L law shows; the run has a time cap.
    /// </summary>
    public bool ShownAsLimit { get; init; }

    private const int MaxWaves = 10;

    /// <summary>The pool size for a batch of <paramref name="n"/> operations.</summary>
    public int For(int n) => Size == 0 ? Math.Max(1, n) : Size;

    /// <summary>True when some of <paramref name="n"/> concurrent operations must wait for a connection.</summary>
    public bool Binds(int n) => Size != 0 && Size < n;

    public override string ToString() => Size == 0 ? "N" : Size.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A fixed pool that no operation ever waits for is the same batch as the pool of N, so it is not run twice:
    /// when P >= N, when the strategy runs one operation at a time, or when its own K is already <= P. A pool that
    /// binds is not run when its waves alone, ceil(N/P) x L, are over the batch budget.
    /// </summary>
    public string? WhyNotRun(StrategyKind strategy, int n, int k, SuiteSettings settings)
    {
        if (Size == 0)
        {
            return null;
        }

        if (!Binds(Strategy.MaxInFlight(strategy, k, n)))
        {
            return "the pool does not bind: P >= operations in flight";
        }

        if (ShownAsLimit && n > MaxWaves * Size)
        {
            return string.Create(CultureInfo.InvariantCulture, $"P = {Size} shown up to N = {MaxWaves * Size} ({MaxWaves} waves)");
        }

        if (ShownAsLimit && strategy is not (StrategyKind.Task or StrategyKind.ValueTask or StrategyKind.Thread))
        {
            return "P is shown for Task, ValueTask and Thread";
        }

        var waves = Bounds.Limited(n, Size, settings.PlanLatency);
        return waves > settings.MaxSequentialBatch
            ? string.Create(CultureInfo.InvariantCulture, $"P = {Size}: at best ceil(N/P)×L = {waves.TotalSeconds:0.#} s per batch")
            : null;
    }

    /// <summary>The pool parameter of a case, if it has one.</summary>
    public static PoolSize? Of(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.Select(p => p.Value).OfType<PoolSize>().FirstOrDefault();
}
