using System.Globalization;

namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// How a steady-regime process warmed a pool-dependent cell before BenchmarkDotNet measured it: bursts of the same
/// batch until the thread pool's thread count (the client's, plus the latency server's for HTTP) stopped changing.
/// </summary>
/// <param name="Settled">True when the count was unchanged over the last <see cref="StableBursts"/> bursts and at least a second.</param>
public sealed record SteadyWarmup(int Bursts, double Seconds, int PoolStart, int PoolEnd, bool Settled)
{
    public const string Prefix = "// IoBench.Warmup";

    /// <summary>Bursts in a row without a change in the pool's thread count that count as settled.</summary>
    public const int StableBursts = 3;

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix} bursts={Bursts} seconds={Seconds:0.0} pool={PoolStart}->{PoolEnd} settled={(Settled ? "yes" : "no")}");

    public static SteadyWarmup? Parse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = OutputLine.Fields(line, Prefix);
        return fields.GetValueOrDefault("pool")?.Split("->") is [var start, var end]
            ? new SteadyWarmup(
                OutputLine.Int(fields.GetValueOrDefault("bursts")) ?? 0,
                OutputLine.Double(fields.GetValueOrDefault("seconds")) ?? 0,
                OutputLine.Int(start) ?? 0,
                OutputLine.Int(end) ?? 0,
                fields.GetValueOrDefault("settled") == "yes")
            : null;
    }
}
