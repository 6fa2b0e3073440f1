namespace IoBench.Report.Claims;

/// <summary>
/// One of the ten claims the suite exists to test, with the cells that test it, the figures they measured, the verdict
/// its rule computed from the data file, and the rule itself (so a reader can check the verdict by hand).
/// </summary>
public sealed record Claim(int Number, string Statement, string Cells, string Figures, string Verdict, string Rule, string Explanation)
{
    public const string Holds = "holds";
    public const string HoldsWithCaveat = "holds with a caveat";
    public const string DoesNotHold = "does not hold in .NET";
    public const string NotMeasured = "not measured yet";

    /// <summary>The cells ran, but the run's own spread cannot tell the outcomes apart (too few batches, or batch ranges across a bound).</summary>
    public const string NotDecided = "not decided on this run";
}
