using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Settings;

namespace IoBench.Tests.Runtimes;

/// <summary>A test that runs jobs on .NET 8 and 10: skipped, saying why, where no dotnet root has both (scripts/test.sh runs scripts/runtimes.sh first).</summary>
public sealed class RuntimesFactAttribute : FactAttribute
{
    public RuntimesFactAttribute()
    {
        try
        {
            RuntimeChoice.Resolve(["net8.0", "net10.0"]);
        }
        catch (SettingsException e)
        {
            Skip = e.Message;
        }
    }
}
