using IoBench.Core.Settings;

namespace IoBench.Tests.Calls;

/// <summary>
/// The options of a user's own call (--http-call, --http-header, --http-status, --sql-call, --sqlite-file, --allow-writes,
/// --time-cap-s): each read from the command line or its variable, carried to child processes, and refused in one line where
/// it cannot mean one run.
/// </summary>
public sealed class CallSettingsTests
{
    private static SuiteSettings Parse(params string[] args) => new SuiteSettings().WithCommandLine(args, out _);

    private static SuiteSettings RoundTrip(SuiteSettings settings)
    {
        var environment = settings.ToEnvironment();
        return SuiteSettings.FromEnvironment(v => environment.GetValueOrDefault(v));
    }

    [Theory]
    [InlineData("GET http://127.0.0.1:8080/health", "GET")]
    [InlineData("head https://example.test/x?y=1", "HEAD")]
    public void HttpCall_GetOrHead_SelectsThePreset(string call, string method)
    {
        var settings = Parse("--http-call", call);

        Assert.Equal(Presets.HttpCall, settings.Preset);
        Assert.Equal(method, settings.HttpCall!.Method);
        Assert.True(settings.IsCall);
    }

    [Fact]
    public void HttpCall_MethodAndUrlAsTwoWords_JoinWithASpace()
    {
        var settings = Parse("--http-call", "GET", "http://h:1/a,b", "--filter", "*");

        Assert.Equal("http://h:1/a,b", settings.HttpCall!.Url.OriginalString);
    }

    [Theory]
    [InlineData("POST http://127.0.0.1/x")]
    [InlineData("PUT http://127.0.0.1/x")]
    [InlineData("DELETE http://127.0.0.1/x")]
    [InlineData("PATCH http://127.0.0.1/x")]
    public void HttpCall_MethodThatWrites_IsRefusedNamingIt(string call)
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--http-call", call));

        Assert.Contains(call.Split(' ')[0], error.Message, StringComparison.Ordinal);
        Assert.Contains("GET and HEAD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void HttpCall_MethodThatWritesEvenWithAllowWrites_IsRefused() =>
        Assert.Throws<SettingsException>(() => Parse("--http-call", "POST http://127.0.0.1/x", "--allow-writes"));

    [Theory]
    [InlineData("GET")]
    [InlineData("GET ftp://host/x")]
    [InlineData("GET /relative")]
    public void HttpCall_NoAbsoluteHttpUrl_IsRefused(string call) => Assert.Throws<SettingsException>(() => Parse("--http-call", call));

    [Fact]
    public void HttpCall_BadUrlWithAPassword_RefusesWithoutShowingIt()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--http-call", "GET ftp://me:Pw-secret-1@host/x"));

        Assert.DoesNotContain("Pw-secret-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpCall_WithHttpUrl_IsRefusedNamingBoth()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--http-call", "GET http://127.0.0.1/x", "--http-url", "http://127.0.0.1:5080"));

        Assert.Contains("--http-url", error.Message, StringComparison.Ordinal);
        Assert.Contains("--http-call", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--http-call", "GET http://127.0.0.1/x", "--sql-call", "SELECT 1")]
    [InlineData("--http-call", "GET http://127.0.0.1/x", "--cost", "1")]
    [InlineData("--sql-call", "SELECT 1", "--starvation", "1")]
    public void Call_WithAnotherPreset_IsRefused(string first, string firstValue, string second, string secondValue) =>
        Assert.Throws<SettingsException>(() => Parse(first, firstValue, $"{second}={secondValue}"));

    [Theory]
    [InlineData("--quick")]
    [InlineData("--comparison")]
    public void Call_WithQuickOrComparison_IsRefused(string flag) =>
        Assert.Throws<SettingsException>(() => Parse("--http-call", "GET http://127.0.0.1/x", flag));

    [Fact]
    public void Call_WithLatencyMs_IsRefused() =>
        Assert.Throws<SettingsException>(() => Parse("--sql-call", "SELECT 1", "--latency-ms", "50"));

    [Fact]
    public void HttpHeaders_Repeated_AllKeptInOrderAndSurviveTheEnvironment()
    {
        var settings = Parse("--http-call", "GET http://127.0.0.1/x", "--http-header", "Accept: application/json", "--http-header", "X-Trace: a, b; c");

        Assert.Equal([new HttpHeader("Accept", "application/json"), new HttpHeader("X-Trace", "a, b; c")], settings.HttpHeaders);
        Assert.Equal(settings.HttpHeaders, RoundTrip(settings).HttpHeaders);
    }

    [Fact]
    public void HttpHeaders_OnTheCommandLine_ReplaceTheEnvironments()
    {
        var fromEnvironment = SuiteSettings.FromEnvironment(v => v switch
        {
            "IOBENCH_HTTP_CALL" => "GET http://127.0.0.1/x",
            "IOBENCH_HTTP_HEADERS" => "Accept: text/plain\nX-One: 1",
            _ => null,
        });

        Assert.Equal(2, fromEnvironment.HttpHeaders.Count);
        Assert.Equal([new HttpHeader("X-Two", "2")], fromEnvironment.WithCommandLine(["--http-header", "X-Two: 2"], out _).HttpHeaders);
    }

    [Theory]
    [InlineData("NoColon")]
    [InlineData(": value")]
    [InlineData("Content-Type: text/plain")]
    [InlineData("Bad Name: x")]
    public void HttpHeader_NotARequestHeader_IsRefused(string header) =>
        Assert.Throws<SettingsException>(() => Parse("--http-call", "GET http://127.0.0.1/x", "--http-header", header));

    [Fact]
    public void HttpHeader_Refused_DoesNotShowASecretValue()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--http-call", "GET http://127.0.0.1/x", "--http-header", "Bearer tok-secret-2"));

        Assert.DoesNotContain("tok-secret-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_MasksUserInfoAndCredentialHeaders_ChildrenGetTheRealValues()
    {
        var settings = Parse("--http-call", "GET http://me:Pw-secret-3@127.0.0.1:8080/x", "--http-header", "Authorization: Bearer tok-secret-4", "--http-header", "Cookie: sid=c-secret-5", "--http-header", "Accept: text/plain");

        var shown = string.Join(' ', settings.ToDisplayEnvironment().Values) + settings.CallDisplay;
        foreach (var secret in new[] { "Pw-secret-3", "tok-secret-4", "c-secret-5" })
        {
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        }

        Assert.Contains("Accept: text/plain", shown, StringComparison.Ordinal);
        Assert.Contains("Authorization: ***", shown, StringComparison.Ordinal);
        var child = RoundTrip(settings);
        Assert.Equal("Pw-secret-3", child.HttpCall!.Url.UserInfo.Split(':')[1]);
        Assert.Contains(new HttpHeader("Authorization", "Bearer tok-secret-4"), child.HttpHeaders);
    }

    [Theory]
    [InlineData("2xx", 200, true)]
    [InlineData("2xx", 204, true)]
    [InlineData("2xx", 301, false)]
    [InlineData("200,304", 304, true)]
    [InlineData("200 304", 201, false)]
    [InlineData("4xx", 404, true)]
    public void HttpStatus_CodesAndClasses_Match(string expected, int status, bool matches)
    {
        var settings = Parse("--http-call", "GET http://127.0.0.1/x", "--http-status", expected);

        Assert.Equal(matches, settings.HttpStatus.Matches(status));
        Assert.Equal(settings.HttpStatus, RoundTrip(settings).HttpStatus);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("600")]
    [InlineData("2x")]
    [InlineData("ok")]
    public void HttpStatus_NotAStatus_IsRefused(string value) =>
        Assert.Throws<SettingsException>(() => Parse("--http-call", "GET http://127.0.0.1/x", "--http-status", value));

    [Theory]
    [InlineData("--http-header", "Accept: x")]
    [InlineData("--http-status", "200")]
    public void HttpOnlyOption_WithoutHttpCall_IsRefused(string option, string value)
    {
        var error = Assert.Throws<SettingsException>(() => Parse(option, value));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlCall_Postgres_SelectsThePresetAndShowsTheTargetMasked()
    {
        var settings = Parse("--sql-call", "SELECT", "id", "FROM", "t", "--postgres", "Host=db;Username=u;Password=Pw-secret-6;Database=d");

        Assert.Equal(Presets.SqlCall, settings.Preset);
        Assert.Equal("SELECT id FROM t", settings.SqlCall);
        Assert.Null(settings.SqliteFile);
        Assert.DoesNotContain("Pw-secret-6", settings.CallDisplay, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", settings.CallDisplay, StringComparison.Ordinal);
        Assert.Equal("SELECT id FROM t", RoundTrip(settings).SqlCall);
    }

    [Fact]
    public void SqliteFile_Existing_IsKeptAsAnAbsolutePathForChildProcesses()
    {
        var file = Path.GetTempFileName();
        try
        {
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            var settings = Parse("--sql-call", "SELECT 1", "--sqlite-file", relative);

            Assert.Equal(Path.GetFullPath(file), settings.SqliteFile);
            Assert.Equal(settings.SqliteFile, RoundTrip(settings).SqliteFile);
            Assert.Contains(Path.GetFileName(file), settings.CallDisplay, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SqliteFile_Missing_IsRefused()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("--sql-call", "SELECT 1", "--sqlite-file", "/nonexistent/iobench.db"));

        Assert.Contains("--sqlite-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteFile_WithoutSqlCall_IsRefused()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Throws<SettingsException>(() => Parse("--sqlite-file", file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SqlCall_Empty_IsRefused() => Assert.Throws<SettingsException>(() => Parse("--sql-call= "));

    [Fact]
    public void AllowWrites_WithSqlCall_IsOnAndSurvivesTheEnvironment()
    {
        var settings = Parse("--sql-call", "DELETE FROM t", "--allow-writes");

        Assert.True(settings.AllowWrites);
        Assert.True(RoundTrip(settings).AllowWrites);
        Assert.False(Parse("--sql-call", "SELECT 1").AllowWrites);
    }

    [Theory]
    [InlineData("--http-call", "GET http://127.0.0.1/x")]
    [InlineData("--scaling", "1")]
    public void AllowWrites_WithoutSqlCall_IsRefused(string option, string value) =>
        Assert.Throws<SettingsException>(() => Parse($"{option}={value}", "--allow-writes"));

    [Fact]
    public void TimeCap_DefaultsToFiveMinutesAndTravelsWhenGiven()
    {
        Assert.Equal(SuiteSettings.DefaultTimeCapSeconds, Parse("--sql-call", "SELECT 1").TimeCapSeconds);
        Assert.Equal(300, SuiteSettings.DefaultTimeCapSeconds);
        Assert.Equal(90, RoundTrip(Parse("--sql-call", "SELECT 1", "--time-cap-s", "90")).TimeCapSeconds);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("soon")]
    public void TimeCap_NotPositive_IsRefused(string value) =>
        Assert.Throws<SettingsException>(() => Parse("--sql-call", "SELECT 1", "--time-cap-s", value));

    [Fact]
    public void TimeCap_WithoutACall_IsRefused() => Assert.Throws<SettingsException>(() => Parse("--time-cap-s", "60"));

    [Fact]
    public void Call_FromTheEnvironmentAlone_IsTheChildsPreset()
    {
        var child = SuiteSettings.FromEnvironment(v => v == "IOBENCH_SQL_CALL" ? "SELECT 1" : null);

        Assert.Equal(Presets.SqlCall, child.Preset);
        Assert.Equal(1, child.SteadyProcesses);
        Assert.Equal(1, child.SteadyWarmupIterations);
    }
}
