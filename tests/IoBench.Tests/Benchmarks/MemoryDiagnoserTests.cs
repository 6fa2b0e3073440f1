using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IoBench.Benchmarks.Diagnosers;

namespace IoBench.Tests.Benchmarks;

/// <summary>Allocates a known amount: a byte[1000] is 1024 bytes on x64 (16-byte header, 8-byte length, 1000 bytes).</summary>
public class KnownAllocationBenchmark
{
    [Benchmark]
    public byte[] Allocate() => new byte[1000];
}

public sealed class MemoryDiagnoserTests
{
    [Fact]
    public void Net10MemoryDiagnoser_KnownSmallAllocation_IsReportedExactly()
    {
        var artifacts = Directory.CreateTempSubdirectory("iobench-memory-");
        try
        {
            var config = ManualConfig.CreateEmpty()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithInvocationCount(1024).WithUnrollFactor(1))
                .AddDiagnoser(Net10MemoryDiagnoser.Default)
                .AddLogger(NullLogger.Instance)
                .WithArtifactsPath(artifacts.FullName)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);

            var summary = BenchmarkRunner.Run<KnownAllocationBenchmark>(config);

            var report = Assert.Single(summary.Reports);
            Assert.True(report.Success);
            // The engine's own first-run allocations, spread over 1024 invocations, add at most a few bytes.
            Assert.InRange(Net10MemoryDiagnoser.BytesPerOperation(report.GcStats) ?? 0, 1024, 1032);
            Assert.InRange(report.Metrics["Allocated Memory"].Value, 1024, 1032);
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }
}
