using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

/// <summary>Calibrated work is measured once per run and reused by later processes through the run's file.</summary>
[Collection(nameof(CalibrationStoreTests))] // changes an environment variable the store reads
public sealed class CalibrationStoreTests
{
    [Fact]
    public void GetOrMeasure_SecondProcessReadsTheFile_MeasuresOnce()
    {
        var folder = Directory.CreateTempSubdirectory("iobench-calibration-");
        var path = Path.Combine(folder.FullName, "calibration.txt");
        var before = Environment.GetEnvironmentVariable(CalibrationStore.FileVariable);
        try
        {
            Environment.SetEnvironmentVariable(CalibrationStore.FileVariable, path);
            var measured = 0;
            Assert.Equal(1234, CalibrationStore.GetOrMeasure("Test@20ms", () => { measured++; return 1234; }));
            Assert.Equal(1234, CalibrationStore.GetOrMeasure("Test@20ms", () => { measured++; return 999; }));
            Assert.Equal(1, measured);
            Assert.Equal(1234, CalibrationStore.ReadAll(path)["Test@20ms"]);
            Assert.Single(Directory.GetFiles(folder.FullName)); // no partial file left behind
        }
        finally
        {
            Environment.SetEnvironmentVariable(CalibrationStore.FileVariable, before);
            folder.Delete(recursive: true);
        }
    }
}
