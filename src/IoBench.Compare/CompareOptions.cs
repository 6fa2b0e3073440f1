using System.Globalization;

namespace IoBench.Compare;

/// <summary>
/// The command line: two inputs (B compared with A) or one comparison run (its runtimes compared with its baseline), then
/// --threshold PCT, --alpha P, --fdr Q, --out FILE, --fail-below PCT, --fail-on-slower, --allow-different-settings,
/// --baseline FRAMEWORK. B is null for one input.
/// </summary>
public sealed record CompareOptions(
    string A,
    string? B,
    double Threshold = VerdictRule.DefaultThreshold,
    double Alpha = VerdictRule.DefaultAlpha,
    string? OutFile = null,
    double? FailBelowPercent = null,
    string? Baseline = null,
    double FalseDiscoveryRate = VerdictRule.DefaultFalseDiscoveryRate,
    bool FailOnSlower = false,
    bool AllowDifferentSettings = false)
{
    public VerdictRule Rule => new(Threshold, Alpha, FalseDiscoveryRate);

    public const string Usage =
        """
        usage: compare-runs A B [--threshold PCT] [--alpha P] [--fdr Q] [--out FILE] [--fail-below PCT] [--fail-on-slower]
                                [--allow-different-settings]
               compare-runs RUN [--baseline FRAMEWORK] [--threshold PCT] [--alpha P] [--fdr Q] [--out FILE] [--fail-on-slower]
          A, B              result folders (searched for *report-full*.json / *.json.gz, with the run's iobench-data.json)
                            or report files; B is compared to A. A comparison run (--runtimes) is one side per runtime:
                            FOLDER@net8.0
          RUN               one comparison run (--runtimes net8.0 net9.0 net10.0): every runtime against the baseline
          --baseline FW     the runtime the others are compared with (default: the oldest)
          --threshold PCT   the smallest change that counts (default 5): faster/slower when the ratio's interval lies
                            beyond it, same when within it, unknown otherwise; a case agrees when its ratio is within it
          --alpha P         1 - the confidence of each ratio's interval (default 0.05: 95%)
          --fdr Q           Benjamini-Hochberg false-discovery rate over the cases of one comparison (default 0.05)
          --out FILE        also write the markdown to FILE, and a JSON summary beside it (FILE with .json)
          --fail-below PCT  exit 1 when fewer than PCT% of the matched cases agree (e.g. 95)
          --fail-on-slower  exit 1 when any case is slower beyond the threshold (a CI gate)
          --allow-different-settings
                            compare runs whose data files state different settings (L, N list, K, strategies,
                            regimes, pool minimums, Server GC, processor count, warm-up, quick) or a run without a
                            data file; the report says what differed
        exit codes: 0 compared, 1 agreement below --fail-below or a case slower with --fail-on-slower, 2 bad input
        """;

    /// <summary>Null when help was asked for; bad arguments end in a <see cref="CompareInputException"/>.</summary>
    public static CompareOptions? Parse(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            return null;
        }

        var inputs = new List<string>();
        double threshold = VerdictRule.DefaultThreshold;
        double alpha = VerdictRule.DefaultAlpha;
        double fdr = VerdictRule.DefaultFalseDiscoveryRate;
        bool failOnSlower = false, allowDifferentSettings = false;
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
                case "--fdr":
                    fdr = Number(args, ++i, min: 0, max: 1, minExcluded: true);
                    break;
                case "--fail-on-slower":
                    failOnSlower = true;
                    break;
                case "--allow-different-settings":
                    allowDifferentSettings = true;
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
            ? new CompareOptions(inputs[0], inputs.Count == 2 ? inputs[1] : null, threshold, alpha, outFile, failBelow, baseline, fdr, failOnSlower, allowDifferentSettings)
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
