using IoBench.Benchmarks.Plan;
using System.Globalization;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Parameters;

/// <summary>
/// The Connections parameter of the HTTP workloads: SocketsHttpHandler.MaxConnectionsPerServer, 0 printing as
/// "unlimited" (the handler's default). A cheap, deterministic descriptor that BenchmarkDotNet rebuilds in the child.
/// </summary>
public readonly record struct ClientConnections(int Value) : ICellRule
{
    /// <summary>How many waves of C requests a limited row goes up to: the ceil(N/C) x L law shows by then.</summary>
    private const int MaxWaves = 10;

    public static ClientConnections Unlimited => default;

    public string? WhyNotRun(StrategyKind strategy, int n, int k, SuiteSettings settings)
    {
        if (Value == 0 || (strategy == StrategyKind.Sequential && n == 1))
        {
            // Sequential N = 1 runs under every limit: it measures the L of the rows beside it.
            return null;
        }

        if (Value >= n)
        {
            return "C does not bind when C >= N";
        }

        if (n > MaxWaves * Value)
        {
            return string.Create(CultureInfo.InvariantCulture, $"C = {Value} shown up to N = {MaxWaves * Value} ({MaxWaves} waves)");
        }

        if (strategy is not (StrategyKind.Task or StrategyKind.ValueTask or StrategyKind.Thread))
        {
            return "C is shown for Task, ValueTask and Thread";
        }

        // Its waves alone over the batch budget: the row would only run into its deadline.
        var waves = Bounds.Limited(n, Value, settings.PlanLatency);
        return waves > settings.MaxSequentialBatch
            ? string.Create(CultureInfo.InvariantCulture, $"C = {Value}: at best ceil(N/C)×L = {waves.TotalSeconds:0.#} s per batch")
            : null;
    }

    public override string ToString() => Value == 0 ? "unlimited" : Value.ToString(CultureInfo.InvariantCulture);
}
