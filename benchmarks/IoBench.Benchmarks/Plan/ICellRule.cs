using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Benchmarks.Plan;

/// <summary>
/// A parameter value or a class attribute (<see cref="RunsUpToAttribute"/>) of a workload family that decides, beyond <see cref="IoBench.Core.Theory.CellPlan"/>, which
/// strategy x N cells it runs (e.g. a connection limit means nothing where it does not bind). The filter and the
/// report both ask it, so a cell left out always says why.
/// </summary>
public interface ICellRule
{
    /// <summary>Null when the cell runs with this value; otherwise the reason it does not.</summary>
    string? WhyNotRun(StrategyKind strategy, int n, int k, SuiteSettings settings);
}
