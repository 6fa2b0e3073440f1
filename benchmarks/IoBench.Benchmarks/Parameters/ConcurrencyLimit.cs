using System.Globalization;

namespace IoBench.Benchmarks.Parameters;

/// <summary>
/// The K parameter: how many operations Channel and Bounded let run at once; 0 prints as "none" (no limit of the
/// strategy's own). A cheap, deterministic descriptor: BenchmarkDotNet rebuilds it in the child by index.
/// </summary>
public readonly record struct ConcurrencyLimit(int Value)
{
    public static ConcurrencyLimit None => default;

    public override string ToString() => Value == 0 ? "none" : Value.ToString(CultureInfo.InvariantCulture);
}
