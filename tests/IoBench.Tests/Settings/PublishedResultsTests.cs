using IoBench.Core.Settings;

namespace IoBench.Tests.Settings;

/// <summary>--artifacts into a published run under results/ needs --overwrite-results.</summary>
public sealed class PublishedResultsTests : IDisposable
{
    private readonly DirectoryInfo _repository = Directory.CreateTempSubdirectory("iobench-repo-");

    public PublishedResultsTests()
    {
        File.WriteAllText(Path.Combine(_repository.FullName, "Benchmarks.sln"), string.Empty);
        var published = Directory.CreateDirectory(Path.Combine(_repository.FullName, "results", "2026-01-01-run"));
        File.WriteAllText(Path.Combine(published.FullName, "iobench-report.md"), "published");
        Directory.CreateDirectory(Path.Combine(_repository.FullName, "results", "empty-run"));
    }

    public void Dispose() => _repository.Delete(recursive: true);

    private void Check(string folder, bool overwrite = false, string form = "separate") =>
        PublishedResults.Check(
            form == "inline" ? [$"--artifacts={folder}"] : ["--filter", "*", "--artifacts", folder],
            new SuiteSettings { OverwriteResults = overwrite },
            _repository.FullName);

    [Theory]
    [InlineData("separate")]
    [InlineData("inline")]
    public void Check_ExistingPublishedFolder_Throws(string form)
    {
        var error = Assert.Throws<SettingsException>(() => Check("results/2026-01-01-run", form: form));

        Assert.Contains("--artifacts results/2026-01-01-run", error.Message, StringComparison.Ordinal);
        Assert.Contains("--overwrite-results", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ResultsFolderItself_Throws() => Assert.Throws<SettingsException>(() => Check("results"));

    [Fact]
    public void Check_AbsolutePathIntoAPublishedFolder_Throws() =>
        Assert.Throws<SettingsException>(() => Check(Path.Combine(_repository.FullName, "results", "2026-01-01-run") + "/"));

    [Fact]
    public void Check_ExistingPublishedFolderWithOverwriteResults_Passes() => Check("results/2026-01-01-run", overwrite: true);

    [Theory]
    [InlineData("results/new-run")]
    [InlineData("results/empty-run")]
    [InlineData("BenchmarkDotNet.Artifacts")]
    [InlineData("results-elsewhere/2026-01-01-run")]
    public void Check_NewEmptyOrOutsideFolder_Passes(string folder) => Check(folder);

    [Fact]
    public void Check_NoArtifactsOption_Passes() =>
        PublishedResults.Check(["--filter", "*"], new SuiteSettings(), _repository.FullName);
}
