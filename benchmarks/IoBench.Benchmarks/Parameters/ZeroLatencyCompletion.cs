using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Benchmarks.Parameters;

/// <summary>
/// How the zero-latency operation's async form completes: <c>Immediate</c> (an already completed ValueTask) or <c>Yield</c>
/// (pending once: one continuation queued and resumed). The blocking form returns at once in both, so a strategy that
/// calls the blocking form runs under Immediate only.
/// </summary>
public sealed record ZeroLatencyCompletion(bool Yields) : ICellRule
{
    public static ZeroLatencyCompletion Immediate { get; } = new(false);

    public static ZeroLatencyCompletion Yield { get; } = new(true);

    public override string ToString() => Yields ? "Yield" : "Immediate";

    public string? WhyNotRun(StrategyKind strategy, int n, int k, SuiteSettings settings)
    {
        if (!Yields)
        {
            return null;
        }

        if (Strategy.Create(strategy, k).Form == WorkloadForm.Blocking)
        {
            return "the blocking form returns at once in both variants: measured under Immediate";
        }

        // Every blocked work item waits for a continuation queued behind the other blocked items (Cpu's SyncOverAsync,
        // whose operation yields once too: a first batch of 23 s at N = 100).
        return strategy == StrategyKind.SyncOverAsync ? "the pool starves: each blocked work item waits for a yielded continuation queued behind the others" : null;
    }
}
