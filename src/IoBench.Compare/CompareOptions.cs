using System.Globalization;

namespace IoBench.Compare;

/// <summary>The command line: two inputs, then --threshold PCT, --alpha P, --out FILE, --fail-below PCT.</summary>
public sealed record CompareOptions(
    string A,
    string B,
    double Threshold = RunComparison.DefaultThreshold,
    double Alpha = RunComparison.DefaultAlpha,
    string? OutFile = null,
    double? FailBelowPercent = null)
{
    public const string Usage =
        """
        usage: compare-runs A B [--threshold PCT] [--alpha P] [--out FILE] [--fail-below PCT]
          A, B              result folders (searched for *report-full*.json / *.json.gz) or report files; B is compared to A
          --threshold PCT   relative change below which cases are the same, and within which they agree (default 10)
          --alpha P         significance level of the two-sided Mann-Whitney U test (default 0.05)
          --out FILE        also write the markdown to FILE (written to a temporary file, then moved)
          --fail-below PCT  exit 1 when fewer than PCT% of the matched cases agree (e.g. 95)
        exit codes: 0 compared, 1 agreement below --fail-below, 2 bad input
        """;

    /// <summary>Null when help was asked for; bad arguments end in a <see cref="CompareInputException"/>.</summary>
    public static CompareOptions? Parse(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            return null;
        }

        var inputs = new List<string>();
        double threshold = RunComparison.DefaultThreshold, alpha = RunComparison.DefaultAlpha;
        string? outFile = null;
        double? failBelow = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--threshold":
                    threshold = Number(args, ++i, min: 0, max: 1000) / 100;
                    break;
                case "--alpha":
                    alpha = Number(args, ++i, min: 0, max: 1, minExcluded: true);
                    break;
                case "--fail-below":
                    failBelow = Number(args, ++i, min: 0, max: 100);
                    break;
                case "--out":
                    outFile = Value(args, ++i);
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new CompareInputException($"unknown option {option} (see --help)");
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }

        return inputs.Count == 2
            ? new CompareOptions(inputs[0], inputs[1], threshold, alpha, outFile, failBelow)
            : throw new CompareInputException($"expected two inputs (result folders or report files), got {inputs.Count} (see --help)");
    }

    private static string Value(IReadOnlyList<string> args, int i) =>
        i < args.Count ? args[i] : throw new CompareInputException($"{args[i - 1]} needs a value");

    private static double Number(IReadOnlyList<string> args, int i, double min, double max, bool minExcluded = false)
    {
        var text = Value(args, i).TrimEnd('%');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (minExcluded ? value > min : value >= min) && value <= max
            ? value
            : throw new CompareInputException(
                $"{args[i - 1]} must be a number {(minExcluded ? "above" : "from")} {min} {(minExcluded ? "and at most" : "to")} {max}, not '{args[i]}'");
    }
}
