using IoBench.Core.Settings;

namespace IoBench.Tests.Settings;

public sealed class SuiteSettingsPostgresTests
{
    private const string Custom = "Host=db.example;Port=5433;Username=bench;Password=s3cret;Database=bench";

    [Fact]
    public void FromEnvironment_NoPostgresVariable_UsesTheScriptsServer()
    {
        var settings = SuiteSettings.FromEnvironment(_ => null);

        Assert.Equal("Host=127.0.0.1;Port=55432;Username=iobench;Password=iobench;Database=iobench", settings.Postgres);
    }

    [Fact]
    public void WithCommandLine_PostgresOption_WinsOverTheVariable()
    {
        var fromEnvironment = SuiteSettings.FromEnvironment(name => name == "IOBENCH_POSTGRES" ? "Host=elsewhere" : null);

        var settings = fromEnvironment.WithCommandLine(["--postgres", Custom, "--filter", "*"], out var rest);

        Assert.Equal(Custom, settings.Postgres);
        Assert.Equal(["--filter", "*"], rest);
        Assert.Equal(Custom, settings.ToEnvironment()["IOBENCH_POSTGRES"]); // children get the real string
    }

    [Fact]
    public void ToDisplayEnvironment_ConnectionString_MasksThePassword()
    {
        var settings = new SuiteSettings { Postgres = Custom };

        var shown = settings.ToDisplayEnvironment()["IOBENCH_POSTGRES"];

        Assert.DoesNotContain("s3cret", shown, StringComparison.Ordinal);
        Assert.Contains("host=db.example", shown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FromEnvironment_MalformedConnectionString_ThrowsSettingsException()
    {
        var error = Assert.Throws<SettingsException>(() => SuiteSettings.FromEnvironment(name => name == "IOBENCH_POSTGRES" ? "Host=\"unclosed" : null));

        Assert.Contains("--postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEnvironment_DefaultOps_ReachChildrenAsNoExplicitList()
    {
        var exported = new SuiteSettings().ToEnvironment();

        var child = SuiteSettings.FromEnvironment(name => exported.GetValueOrDefault(name));

        Assert.Null(child.ExplicitOps); // a family's own default N (Ops()) then applies in the child as in the host
        Assert.Equal("1,10,100,1000", new SuiteSettings().ToDisplayEnvironment()["IOBENCH_OPS"]);
    }

    [Fact]
    public void ToEnvironment_ExplicitOps_ReachChildrenUnchanged()
    {
        var exported = new SuiteSettings { ExplicitOps = [1, 200] }.ToEnvironment();

        var child = SuiteSettings.FromEnvironment(name => exported.GetValueOrDefault(name));

        Assert.Equal([1, 200], child.ExplicitOps);
    }
}
