using IoBench.Core.Settings;

namespace IoBench.Tests.Settings;

public sealed class SuiteSettingsExportTests
{
    [Fact]
    public void ToEnvironment_DefaultOps_RoundTripsAsNotChosen()
    {
        var exported = new SuiteSettings().ToEnvironment();

        var child = SuiteSettings.FromEnvironment(name => exported.GetValueOrDefault(name));

        Assert.Null(child.ExplicitOps);
        Assert.Equal(new SuiteSettings().Ops, child.Ops);
    }

    [Fact]
    public void ToEnvironment_ChosenOps_RoundTripsAsChosen()
    {
        var exported = new SuiteSettings().WithCommandLine(["--ops", "1,100"], out _).ToEnvironment();

        var child = SuiteSettings.FromEnvironment(name => exported.GetValueOrDefault(name));

        Assert.Equal([1, 100], child.ExplicitOps);
    }
}
