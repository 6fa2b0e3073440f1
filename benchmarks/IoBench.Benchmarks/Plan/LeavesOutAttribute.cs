using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Benchmarks.Plan;

/// <summary>
/// On a benchmark class: these strategies run at no N in this workload family, for the reason given (which the report
/// prints in their cells), where another row of the family already shows what they would. Keeps a family's cost in
/// proportion to what it shows, like <see cref="RunsUpToAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class LeavesOutAttribute(string reason, params StrategyKind[] strategies) : Attribute, ICellRule
{
    public string Reason => reason;

    public IReadOnlyList<StrategyKind> Strategies => strategies;

    public string? WhyNotRun(StrategyKind strategy, int n, int k, SuiteSettings settings) =>
        strategies.Contains(strategy) ? reason : null;
}
