using System.Data.Common;

namespace IoBench.Core.Settings;

/// <summary>
/// The one place that masks secrets before a value reaches the console, a log, a report or a data file: passwords in
/// connection strings, the user-info of URLs, and the values of Authorization, Proxy-Authorization and Cookie headers.
/// A masked value keeps its shape (the key, the host, the header name) so a reader still sees what was called.
/// </summary>
public static class SecretMask
{
    /// <summary>What a masked secret reads as.</summary>
    public const string Mask = "***";

    private static readonly string[] SecretKeys = ["Password", "Pwd", "Passfile", "SSL Password"];

    private static readonly string[] SecretHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key"];

    /// <summary>The connection string with every password-like value replaced by <see cref="Mask"/>; an unparsable one is masked whole.</summary>
    public static string ConnectionString(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in builder.Keys.Cast<string>().Where(k => SecretKeys.Any(s => s.Equals(k, StringComparison.OrdinalIgnoreCase))).ToList())
            {
                builder[key] = Mask;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return Mask;
        }
    }

    /// <summary>The URL with its user-info (user:password@) replaced by <see cref="Mask"/>@; anything not a URL is returned as is.</summary>
    public static string Url(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = Mask, Password = string.Empty }.Uri.ToString()
            : url;

    /// <summary>True for a header whose value is a credential.</summary>
    public static bool IsSecretHeader(string name) => SecretHeaders.Any(h => h.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"Name: value", the value masked when the header is a credential.</summary>
    public static string Header(string name, string value) => $"{name}: {(IsSecretHeader(name) ? Mask : value)}";
}
