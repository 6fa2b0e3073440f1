using System.Reflection;
using BenchmarkDotNet.Attributes;
using IoBench.Benchmarks.Columns;

namespace IoBench.Tests.Benchmarks;

/// <summary>
/// A benchmark's ID (Namespace.Type.Method) is permanent: published runs are matched by it, so a family that moves to a
/// folder of its own, or is renamed, would orphan every run before it. BenchmarkIds.txt pins the IDs of every family in
/// every preset (the list `--list flat` printed before the app's files got their folders); a new family is added to it
/// on purpose.
/// </summary>
public sealed class BenchmarkIdTests
{
    private static readonly string PinnedFile = Repository.PathOf("tests", "IoBench.Tests", "Benchmarks", "BenchmarkIds.txt");

    [Fact]
    public void EveryBenchmark_HasAPinnedId()
    {
        Assert.Equal(Pinned(), IdsInTheApp());
    }

    [Fact]
    public void EveryFamily_StaysInTheRootNamespace()
    {
        // The ID begins with the namespace: a family under Plan/ or Measurement/ would change it.
        var families = ColumnsPage.Families;

        Assert.True(families.Count >= 20, $"{families.Count} families found");
        Assert.All(families, family => Assert.Equal("IoBench.Benchmarks", family.Namespace));
    }

    [Fact]
    public async Task ListFlat_PrintsPinnedIdsOnly()
    {
        // BenchmarkDotNet's own listing of the default suite (the Postgres families too when a server answers): the same
        // names as the reflection above, so the pin holds what a user's --filter and a published run see.
        var (exitCode, output) = await BenchmarkApp.RunAsync("--list", "flat");

        Assert.Equal(0, exitCode);
        var listed = output.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith("IoBench.", StringComparison.Ordinal)).ToList();
        Assert.Contains("IoBench.Benchmarks.SleepBenchmarks.Batch", listed);
        Assert.All(listed, id => Assert.Contains(id, Pinned()));
    }

    private static List<string> Pinned() =>
        [.. File.ReadAllLines(PinnedFile).Select(l => l.Trim()).Where(l => l.Length > 0).Order(StringComparer.Ordinal)];

    private static List<string> IdsInTheApp() =>
        [.. ColumnsPage.Families
            .SelectMany(t => BenchmarkMethods(t).Select(m => $"{t.FullName}.{m.Name}"))
            .Order(StringComparer.Ordinal)];

    private static IEnumerable<MethodInfo> BenchmarkMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);
}
