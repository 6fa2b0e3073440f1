namespace IoBench.Compare;

/// <summary>What the statistical test and the threshold say about B against A.</summary>
public enum Verdict
{
    /// <summary>Not significant, or the difference is under the threshold.</summary>
    Same,

    /// <summary>B takes significantly less time than A, by at least the threshold.</summary>
    Faster,

    /// <summary>B takes significantly more time than A, by at least the threshold.</summary>
    Slower,
}
