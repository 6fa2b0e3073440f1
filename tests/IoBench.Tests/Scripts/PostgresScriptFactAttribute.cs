namespace IoBench.Tests.Scripts;

/// <summary>A test of scripts/postgres.sh: skipped, saying why, where the PostgreSQL server binaries are not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresScriptFactAttribute : FactAttribute
{
    public PostgresScriptFactAttribute()
    {
        var installed = Directory.Exists("/usr/lib/postgresql") &&
            Directory.EnumerateDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "postgres")));
        if (!installed)
        {
            Skip = "PostgreSQL server binaries are not installed: `scripts/postgres.sh start` installs them (scripts/test.sh runs it).";
        }
    }
}
