#!/usr/bin/env bash
# Compares two saved runs (result folders or BenchmarkDotNet full JSON reports) and prints the markdown comparison:
# B against A, ratio B/A per case, agreement within the threshold or the measured ranges, and a Mann-Whitney verdict.
#   scripts/compare-runs.sh results/run-1 results/run-2 --out comparison.md --fail-below 95
# Exit codes: 0 compared, 1 agreement below --fail-below, 2 bad input (one line on stderr). See --help.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# No cd: the inputs and --out are paths relative to the caller's folder.
exec dotnet run -c Release --project "$root/src/IoBench.Compare" -- "$@"
