namespace IoBench.Compare;

/// <summary>What the ratio's confidence interval, the threshold and the false-discovery control say about B against A.</summary>
public enum Verdict
{
    /// <summary>The interval lies within ± the threshold: any change is smaller than it.</summary>
    Same,

    /// <summary>A discovery (q below the false-discovery rate) whose interval lies wholly below 1 − threshold.</summary>
    Faster,

    /// <summary>A discovery (q below the false-discovery rate) whose interval lies wholly above 1 + threshold.</summary>
    Slower,

    /// <summary>Neither: the interval straddles the threshold, or too few iterations to bound it; the data cannot decide.</summary>
    Unknown,

    /// <summary>Reported, not judged: the two sides did not measure like with like (a steady pool cell begun in different pool states).</summary>
    NotJudged,
}
