using IoBench.Benchmarks;
using System.Globalization;

namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// One burst of the steady regime's warm-up, printed by a family that records its pool's growth burst by burst
/// (<see cref="StarvationBenchmarks"/>): its number, its time and the pool's threads before and after. With the measured
/// batches after them, they are one process's batches from its first, so the pool's growth from burst to burst shows.
/// </summary>
public sealed record WarmupBurst(int Number, double Ms, int PoolStart, int PoolEnd)
{
    public const string Prefix = "// IoBench.Burst";

    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Prefix} burst={Number} ms={Ms:0.###} pool={PoolStart}->{PoolEnd}");

    public static WarmupBurst? Parse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = OutputLine.Fields(line, Prefix);
        return fields.GetValueOrDefault("pool")?.Split("->") is [var start, var end] &&
               OutputLine.Int(fields.GetValueOrDefault("burst")) is { } number &&
               OutputLine.Double(fields.GetValueOrDefault("ms")) is { } ms
            ? new WarmupBurst(number, ms, OutputLine.Int(start) ?? 0, OutputLine.Int(end) ?? 0)
            : null;
    }
}
