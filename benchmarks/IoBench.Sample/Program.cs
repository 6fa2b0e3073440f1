using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using IoBench.Core.Columns;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

// BenchmarkDotNet's own command line (--filter, --job, ...); exit code 1 when any case failed.
var summary = BenchmarkRunner.Run<FileAnswerBenchmarks>(args: args);
return summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success) ? 1 : 0;

/// <summary>
/// A user's own operation in its two forms: ask a service that takes L to answer (a timer stands in for its wait), then
/// read the answer from a file and check it. A wrong answer throws, so a broken operation can never look fast.
/// </summary>
public sealed class FileAnswer(TimeSpan latency) : IWorkload
{
    private const string Expected = "42";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"iobench-sample-{Guid.NewGuid():N}.txt");

    public string Name => "FileAnswer";

    public TimeSpan Latency => latency;

    public Task SetupAsync(CancellationToken cancellationToken) => File.WriteAllTextAsync(_path, Expected, cancellationToken);

    public void Run(CancellationToken cancellationToken)
    {
        Thread.Sleep(latency);
        Check(File.ReadAllText(_path));
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(latency, cancellationToken);
        Check(await File.ReadAllTextAsync(_path, cancellationToken));
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return default;
    }

    private static void Check(string answer)
    {
        if (answer != Expected)
        {
            throw new WorkloadCheckException($"read '{answer}', expected '{Expected}'");
        }
    }
}

/// <summary>One batch of N operations per invocation, under every strategy: N×L and max(L) print beside the Mean.</summary>
[BoundsColumns]
public class FileAnswerBenchmarks
{
    private readonly FileAnswer _workload = new(TimeSpan.FromMilliseconds(20));
    private IStrategy _strategy = null!;

    [ParamsAllValues]
    public StrategyKind Strategy { get; set; }

    [Params(10, 100)]
    public int N { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await _workload.SetupAsync(CancellationToken.None);
        await CaseLatency.SampleAsync(_workload); // L as this process measures it, for the N×L and max(L) columns
        _strategy = IoBench.Core.Strategies.Strategy.Create(Strategy);
        BatchRunner.Prepare(_strategy); // starts an event loop's thread now rather than inside the first timed batch
    }

    [Benchmark]
    public Task Batch() => _strategy.RunAsync(_workload, N, CancellationToken.None);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _workload.DisposeAsync();
        (_strategy as IDisposable)?.Dispose(); // an event loop's thread
    }
}
