using System.Globalization;

namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// One batch's failures (the fire-and-forget family): how many of its operations failed, how many of those the caller's
/// code caught, how many the runtime raised on TaskScheduler.UnobservedTaskException after the batch's collections, and
/// the time its calls really took, from the first start to the last end, in ms. Lines printed before the last two were
/// measured carry neither (null).
/// </summary>
public readonly record struct BatchFailures(long Occurred, long Seen, long? Unobserved = null, double? CallsMs = null)
{
    /// <summary>The failures that reached neither the caller nor UnobservedTaskException, where that was measured.</summary>
    public long? Nowhere => Unobserved is { } unobserved ? Occurred - Seen - unobserved : null;

    /// <summary>The batch line's fields, each with its leading space.</summary>
    public string ToFields() =>
        string.Create(CultureInfo.InvariantCulture, $" failed={Occurred} seen={Seen}")
        + (Unobserved is { } unobserved ? string.Create(CultureInfo.InvariantCulture, $" unobserved={unobserved}") : string.Empty)
        + (CallsMs is { } ms ? string.Create(CultureInfo.InvariantCulture, $" callsms={ms:0.####}") : string.Empty);

    /// <summary>The failures of a batch line's fields, or null where the line has none.</summary>
    internal static BatchFailures? Parse(IReadOnlyDictionary<string, string> fields) =>
        OutputLine.Long(fields.GetValueOrDefault("failed")) is { } failed && OutputLine.Long(fields.GetValueOrDefault("seen")) is { } seen
            ? new BatchFailures(failed, seen, OutputLine.Long(fields.GetValueOrDefault("unobserved")), OutputLine.Double(fields.GetValueOrDefault("callsms")))
            : null;
}
