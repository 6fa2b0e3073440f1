namespace IoBench.Report.Claims;

/// <summary>
/// One of the ten claims the suite exists to test (or a finding beyond them, <see cref="FindingRules"/>), with the cells
/// that test it, the figures they measured, the verdict its rule computed from the data file, and the rule itself (so a
/// reader can check the verdict by hand).
/// </summary>
public sealed record Claim(int Number, string Statement, string Cells, string Figures, string Verdict, string Rule, string Explanation)
{
    public const string Holds = "holds";
    public const string HoldsWithCaveat = "holds with a caveat";
    public const string DoesNotHold = "does not hold in .NET";
    public const string NotMeasured = "not measured yet";

    /// <summary>The cells ran, but the run's measurements cannot make the verdict come out otherwise (<see cref="RunSupport"/>).</summary>
    public const string NotDecided = RunSupport.NotDecided;

    /// <summary>A quick run (--quick) whose preset does not make the claim's cells: not "did not run", since a full run does.</summary>
    public const string NotRunByQuick = "not run by --quick";
}
