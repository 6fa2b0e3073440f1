using System.Globalization;
using BenchmarkDotNet.Running;

namespace IoBench.Benchmarks;

/// <summary>
/// P, the maximum size of a workload's connection pool, as a benchmark parameter. <see cref="AsLargeAsN"/> (shown
/// "N") gives each batch a pool of N connections, so the pool never makes an operation wait; a fixed P below N
/// makes the batch run in waves, ceil(N/P) x L, like K does for Channel and Bounded.
/// </summary>
public sealed record PoolSize(int Size)
{
    public static PoolSize AsLargeAsN { get; } = new(0);

    /// <summary>The pool size for a batch of <paramref name="n"/> operations.</summary>
    public int For(int n) => Size == 0 ? Math.Max(1, n) : Size;

    /// <summary>True when some of <paramref name="n"/> concurrent operations must wait for a connection.</summary>
    public bool Binds(int n) => Size != 0 && Size < n;

    public override string ToString() => Size == 0 ? "N" : Size.ToString(CultureInfo.InvariantCulture);

    /// <summary>The pool parameter of a case, if it has one.</summary>
    public static PoolSize? Of(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.Select(p => p.Value).OfType<PoolSize>().FirstOrDefault();
}
