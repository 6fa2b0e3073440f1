using System.Globalization;

namespace IoBench.Core.Settings;

/// <summary>
/// The statuses a user's call must answer with (--http-status; default 2xx): codes (200, 304) and classes (2xx), any of
/// them. Any other status fails the call, so an error page can never count as a fast operation.
/// </summary>
public sealed record ExpectedStatus
{
    private ExpectedStatus(IReadOnlyList<string> entries) => Entries = entries;

    /// <summary>2xx: any success.</summary>
    public static ExpectedStatus Success { get; } = new(["2xx"]);

    /// <summary>The codes and classes as given ("200", "2xx"), lower-case.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>Reads "2xx", "200,204", "2xx 304"; an entry that is no status code (100-599) or class (1xx-5xx) is a <see cref="SettingsException"/>.</summary>
    public static ExpectedStatus Parse(string value)
    {
        var entries = value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => e.ToLowerInvariant()).Distinct().ToList();
        if (entries.Count == 0)
        {
            throw new SettingsException("--http-status needs at least one status, e.g. 200 or 2xx.");
        }

        foreach (var entry in entries)
        {
            var valid = entry.Length == 3 && entry[0] is >= '1' and <= '5'
                && (entry[1..] == "xx" || (char.IsAsciiDigit(entry[1]) && char.IsAsciiDigit(entry[2])));
            if (!valid)
            {
                throw new SettingsException($"--http-status: '{entry}' is neither a status code (100-599) nor a class (1xx-5xx).");
            }
        }

        return new ExpectedStatus(entries);
    }

    /// <summary>True when <paramref name="status"/> is one of the codes or in one of the classes.</summary>
    public bool Matches(int status) => Entries.Any(e => e.EndsWith("xx", StringComparison.Ordinal)
        ? status / 100 == e[0] - '0'
        : status == int.Parse(e, CultureInfo.InvariantCulture));

    public bool Equals(ExpectedStatus? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => string.Join(',', Entries).GetHashCode(StringComparison.Ordinal);

    /// <summary>"2xx", "200,204": the environment's and the report's form.</summary>
    public override string ToString() => string.Join(',', Entries);
}
