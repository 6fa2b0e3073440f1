namespace IoBench.Report.RunCheck;

/// <summary>One thing the run check flags in one benchmark process: a trend or a first batch far from the measured ones.</summary>
/// <param name="Process">The process flagged.</param>
/// <param name="Text">The line printed for it: what was seen, with the figures.</param>
internal sealed record RunCheckFlag(LoggedProcess Process, string Text);
