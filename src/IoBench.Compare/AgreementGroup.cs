namespace IoBench.Compare;

/// <summary>How many cases of one group agree between the two runs, and how many of the cases outside the group.</summary>
/// <param name="Name">The group, e.g. "FileWriteBenchmarks".</param>
/// <param name="Count">Matched cases in the group.</param>
/// <param name="Agree">Of them, those that agree (within the threshold or ranges overlapping).</param>
/// <param name="OthersCount">Matched cases outside the group.</param>
/// <param name="OthersAgree">Of them, those that agree.</param>
public sealed record AgreementGroup(string Name, int Count, int Agree, int OthersCount, int OthersAgree)
{
    public double Percent => Count == 0 ? 0 : 100.0 * Agree / Count;

    public double OthersPercent => OthersCount == 0 ? 0 : 100.0 * OthersAgree / OthersCount;
}
