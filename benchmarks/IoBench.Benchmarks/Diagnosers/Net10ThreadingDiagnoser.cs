using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace IoBench.Benchmarks.Diagnosers;

/// <summary>
/// BenchmarkDotNet 0.14's ThreadingDiagnoser, minus its validator: that validator does not know .NET 10 and rejects
/// it as "not .NET Core 3.0+", although the counters it reads (ThreadPool.CompletedWorkItemCount,
/// Monitor.LockContentionCount) exist on every runtime this suite targets (8, 9, 10). Everything else is forwarded.
/// </summary>
public sealed class Net10ThreadingDiagnoser : IDiagnoser
{
    public static readonly Net10ThreadingDiagnoser Default = new();

    private static IDiagnoser Inner => ThreadingDiagnoser.Default;

    public IEnumerable<string> Ids => Inner.Ids;

    public IEnumerable<IExporter> Exporters => Inner.Exporters;

    public IEnumerable<IAnalyser> Analysers => Inner.Analysers;

    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => Inner.GetRunMode(benchmarkCase);

    public void Handle(HostSignal signal, DiagnoserActionParameters parameters) => Inner.Handle(signal, parameters);

    public IEnumerable<Metric> ProcessResults(DiagnoserResults results) => Inner.ProcessResults(results);

    public void DisplayResults(ILogger logger) => Inner.DisplayResults(logger);

    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];
}
