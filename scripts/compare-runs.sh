#!/usr/bin/env bash
# Compares two saved runs (result folders or BenchmarkDotNet full JSON reports) and prints the markdown comparison:
# B against A: per case the Hodges-Lehmann ratio with its interval, an exact Mann-Whitney p adjusted over the cases
# (Benjamini-Hochberg), a verdict faster/slower/same/unknown against the threshold, agreement within the threshold.
# Runs whose data files state different settings are refused unless --allow-different-settings.
#   scripts/compare-runs.sh results/run-1 results/run-2 --out comparison.md --fail-on-slower
# Exit codes: 0 compared, 1 --fail-below or --fail-on-slower tripped, 2 bad input (one line on stderr). See --help.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# No cd: the inputs and --out are paths relative to the caller's folder.
exec dotnet run -c Release --project "$root/src/IoBench.Compare" -- "$@"
