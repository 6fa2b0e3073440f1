using System.Globalization;

namespace IoBench.Compare;

/// <summary>Times per operation as a reader scans them: three significant figures in ns, µs, ms or s.</summary>
public static class DurationText
{
    public static string Format(double nanoseconds)
    {
        var (value, unit) = nanoseconds switch
        {
            >= 1e9 => (nanoseconds / 1e9, "s"),
            >= 1e6 => (nanoseconds / 1e6, "ms"),
            >= 1e3 => (nanoseconds / 1e3, "µs"),
            _ => (nanoseconds, "ns"),
        };
        var format = Math.Abs(value) switch
        {
            < 10 => "0.00",
            < 100 => "0.0",
            _ => "#,0",
        };
        return $"{value.ToString(format, CultureInfo.InvariantCulture)} {unit}";
    }
}
