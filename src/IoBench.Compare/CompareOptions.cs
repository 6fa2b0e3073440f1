using System.Globalization;

namespace IoBench.Compare;

/// <summary>
/// The command line: two inputs (B compared with A) or one comparison run (its runtimes compared with its baseline), then
/// --threshold PCT, --alpha P, --out FILE, --fail-below PCT, --baseline FRAMEWORK. B is null for one input.
/// </summary>
public sealed record CompareOptions(
    string A,
    string? B,
    double? ThresholdGiven = null,
    double Alpha = RunComparison.DefaultAlpha,
    string? OutFile = null,
    double? FailBelowPercent = null,
    string? Baseline = null)
{
    /// <summary>The threshold given, else 10% between two runs (reproducibility) and 5% between a run's runtimes.</summary>
    public double Threshold => ThresholdGiven ?? (B is null ? RuntimeComparison.DefaultThreshold : RunComparison.DefaultThreshold);

    public const string Usage =
        """
        usage: compare-runs A B [--threshold PCT] [--alpha P] [--out FILE] [--fail-below PCT]
               compare-runs RUN [--baseline FRAMEWORK] [--threshold PCT] [--alpha P] [--out FILE]
          A, B              result folders (searched for *report-full*.json / *.json.gz) or report files; B is compared to A.
                            A comparison run (--runtimes) is one side per runtime: FOLDER@net8.0
          RUN               one comparison run (--runtimes net8.0 net9.0 net10.0): every runtime against the baseline
          --baseline FW     the runtime the others are compared with (default: the oldest)
          --threshold PCT   relative change below which cases are the same, and within which they agree
                            (default 10 between two runs, 5 between the runtimes of one run)
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
        double? threshold = null;
        double alpha = RunComparison.DefaultAlpha;
        string? outFile = null, baseline = null;
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
                case "--baseline":
                    baseline = Value(args, ++i);
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new CompareInputException($"unknown option {option} (see --help)");
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }

        if (inputs.Count == 2 && baseline is not null)
        {
            throw new CompareInputException("--baseline picks the baseline runtime of one comparison run; with two inputs, A is the baseline");
        }

        if (inputs.Count == 1 && failBelow is not null)
        {
            throw new CompareInputException("--fail-below is the agreement of two runs; give two inputs");
        }

        return inputs.Count is 1 or 2
            ? new CompareOptions(inputs[0], inputs.Count == 2 ? inputs[1] : null, threshold, alpha, outFile, failBelow, baseline)
            : throw new CompareInputException($"expected one comparison run or two inputs (result folders or report files), got {inputs.Count} (see --help)");
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
