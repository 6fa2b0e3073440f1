using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Benchmarks.Plan;

/// <summary>
/// On a benchmark class: these strategies run only up to N = <c>maxN</c> for this workload family, for the reason
/// given (which the report prints in the cells left out). Keeps a family's cost in proportion to what it shows.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RunsUpToAttribute(int maxN, string reason, params StrategyKind[] strategies) : Attribute, ICellRule
{
    public int MaxN => maxN;

    public string Reason => reason;

    public IReadOnlyList<StrategyKind> Strategies => strategies;

    /// <summary>True: the rule applies only to the K rows of Channel and Bounded.</summary>
    public bool LimitedRowsOnly { get; set; }

    public string? WhyNotRun(StrategyKind strategy, int n, int k, SuiteSettings settings) =>
        n > maxN && strategies.Contains(strategy) && (!LimitedRowsOnly || k != 0) ? reason : null;
}
