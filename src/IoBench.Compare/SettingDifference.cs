namespace IoBench.Compare;

/// <summary>One setting two runs were made with that differs, as the data files state it.</summary>
/// <param name="Name">The setting as a reader knows it, e.g. "L (ms)".</param>
/// <param name="A">A's value ("not recorded" when its data file lacks it).</param>
/// <param name="B">B's value.</param>
/// <param name="Refuses">True when it changes what a matched case measures (the comparison is refused without --allow-different-settings).</param>
public sealed record SettingDifference(string Name, string A, string B, bool Refuses)
{
    public override string ToString() => $"{Name} {A} vs {B}";
}
