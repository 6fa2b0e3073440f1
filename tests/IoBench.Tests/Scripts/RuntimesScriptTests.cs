using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace IoBench.Tests.Scripts;

/// <summary>
/// scripts/runtimes.sh against a local pack source of its own (no network): fake runtime packs of a made-up version 1.0.0,
/// a major no official install has, so the script must fetch them. It makes the private root, a second run does nothing and
/// says so, and a version the source does not have fails in one line without touching the root.
/// </summary>
public sealed class RuntimesScriptTests : IDisposable
{
    private const string Version = "1.0.0";
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("iobench-runtimes-");

    private string Feed => Path.Combine(_temp.FullName, "feed");

    private string RuntimesDir => Path.Combine(_temp.FullName, "runtimes");

    [Fact]
    public async Task Run_TwiceFromAPackSource_MakesThePrivateRootThenDoesNothing()
    {
        WriteFakePacks(Version);

        var first = await RunAsync(Version);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches($@"^runtimes\.sh: \.NET {Version} ready in .*/runtimes/dotnet \(\d+ MB unpacked, [\d.]+ s\)\n$", first.Stdout);
        var root = Path.Combine(RuntimesDir, "dotnet");
        Assert.True(File.Exists(Path.Combine(root, "dotnet")), "no muxer copied");
        Assert.False(new FileInfo(Path.Combine(root, "dotnet")).LinkTarget is not null, "the muxer must be a copy: a link resolves frameworks beside its target");
        Assert.True(File.Exists(Path.Combine(root, "shared", "Microsoft.NETCore.App", Version, "Microsoft.NETCore.App.deps.json")));
        Assert.True(File.Exists(Path.Combine(root, "shared", "Microsoft.NETCore.App", Version, "libfake.so")), "the native files of the pack are missing");
        Assert.True(File.Exists(Path.Combine(root, "shared", "Microsoft.AspNetCore.App", Version, "Microsoft.AspNetCore.App.deps.json")));
        Assert.True(Directory.Exists(Path.Combine(root, "sdk")), "the installed SDK is not linked");

        var second = await RunAsync(Version);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal($"runtimes.sh: .NET {Version} already in {root}; nothing to do\n", second.Stdout);
    }

    [Fact]
    public async Task Run_VersionTheSourceLacks_FailsInOneLine()
    {
        WriteFakePacks(Version);

        var result = await RunAsync("1.0.9");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("runtimes.sh: error: cannot get the .NET 1.0.9 runtime packs for linux-x64: error NU1102", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(RuntimesDir, "dotnet", "shared", "Microsoft.NETCore.App", "1.0.9")));
    }

    [Fact]
    public async Task Run_NotAVersion_FailsInOneLine()
    {
        var result = await RunAsync("8");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("runtimes.sh: error: '8' is not a runtime version such as 8.0.34\n", result.Stderr);
        Assert.False(Directory.Exists(RuntimesDir));
    }

    public void Dispose() => _temp.Delete(recursive: true);

    private async Task<(int ExitCode, string Stdout, string Stderr, string Output)> RunAsync(string version)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.PathOf("scripts", "runtimes.sh"));
        start.ArgumentList.Add(version);
        start.Environment["IOBENCH_RUNTIMES_DIR"] = RuntimesDir;
        start.Environment["IOBENCH_NUGET_SOURCE"] = Feed;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout, await stderr, await stdout + await stderr);
    }

    /// <summary>The two runtime packs as a NuGet folder source: a nuspec, the framework's deps.json and one native file.</summary>
    private void WriteFakePacks(string version)
    {
        Directory.CreateDirectory(Feed);
        foreach (var framework in new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" })
        {
            var id = $"{framework}.Runtime.linux-x64";
            using var zip = ZipFile.Open(Path.Combine(Feed, $"{id}.{version}.nupkg"), ZipArchiveMode.Create);
            Add(zip, $"{id}.nuspec", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>{id}</id><version>{version}</version><authors>test</authors><description>fake pack</description></metadata>
                </package>
                """);
            Add(zip, $"runtimes/linux-x64/lib/net1.0/{framework}.deps.json", "{}");
            Add(zip, "runtimes/linux-x64/native/libfake.so", "not a library");
        }
    }

    private static void Add(ZipArchive zip, string path, string content)
    {
        using var stream = zip.CreateEntry(path).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
