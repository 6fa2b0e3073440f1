namespace IoBench.Core.Settings;

/// <summary>
/// One request header of a user's call (--http-header "Name: value", repeatable). Several travel to child processes in one
/// environment variable, one per line: a header value cannot hold a line break (RFC 9110), so the list survives the trip.
/// </summary>
public sealed record HttpHeader(string Name, string Value)
{
    /// <summary>Reads one header or, from the environment, several, one per line.</summary>
    public static IReadOnlyList<HttpHeader> ParseList(string value) =>
        [.. value.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Trim().Length > 0).Select(Parse)];

    /// <summary>Reads "Name: value"; a name that is not a request header's, or a value with a line break, is a <see cref="SettingsException"/>.</summary>
    public static HttpHeader Parse(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? line[..colon].Trim() : string.Empty;
        if (name.Length == 0)
        {
            throw new SettingsException($"--http-header needs \"Name: value\", got '{(colon > 0 ? line : SecretMask.Mask)}'.");
        }

        var header = new HttpHeader(name, line[(colon + 1)..].Trim());
        // The request's own header collection decides: content headers (Content-Type) belong to a body, which GET and HEAD do not send.
        using var probe = new HttpRequestMessage();
        return probe.Headers.TryAddWithoutValidation(header.Name, header.Value) && !header.Value.Contains('\n') && !header.Value.Contains('\r')
            ? header
            : throw new SettingsException($"--http-header: '{header.Display}' is not a request header this call can send.");
    }

    /// <summary>The list as one environment variable's value, one header per line.</summary>
    public static string FormatList(IEnumerable<HttpHeader> headers) => string.Join('\n', headers.Select(h => $"{h.Name}: {h.Value}"));

    /// <summary>"Name: value", the value masked when it is a credential (Authorization, Cookie, ...).</summary>
    public string Display => SecretMask.Header(Name, Value);
}
