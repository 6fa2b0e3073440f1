namespace IoBench.Core.Settings;

/// <summary>
/// A user's own HTTP request (--http-call "GET URL"): the method and the absolute http(s) URL. Only GET and HEAD: the call
/// runs thousands of times, so it must not change anything where it lands (HTTP's safe methods; --allow-writes is for
/// --sql-call, whose database enforces it).
/// </summary>
public sealed record HttpCall(string Method, Uri Url)
{
    /// <summary>The methods a call may use.</summary>
    public static IReadOnlyList<string> SafeMethods { get; } = ["GET", "HEAD"];

    /// <summary>Reads "METHOD URL" (the method in any case); anything else is a <see cref="SettingsException"/> whose one line never shows a password.</summary>
    public static HttpCall Parse(string value)
    {
        var parts = value.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new SettingsException($"--http-call needs \"METHOD URL\", e.g. \"GET http://127.0.0.1:8080/health\", got '{SecretMask.Url(value.Trim())}'.");
        }

        var method = parts[0].ToUpperInvariant();
        if (!SafeMethods.Contains(method))
        {
            throw new SettingsException($"--http-call: {parts[0]} is refused: the call runs thousands of times, so only GET and HEAD (which change nothing) are allowed.");
        }

        return Uri.TryCreate(parts[1], UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? new HttpCall(method, url)
            : throw new SettingsException($"--http-call needs an absolute http:// or https:// URL, got '{SecretMask.Url(parts[1])}'.");
    }

    /// <summary>"GET http://host/path" as given: what child processes read back (it may hold a password).</summary>
    public override string ToString() => $"{Method} {Url.OriginalString}";

    /// <summary>The call for a console line, a report or a data file: user-info masked.</summary>
    public string Display => $"{Method} {SecretMask.Url(Url.OriginalString)}";
}
