#!/usr/bin/env bash
# Checks a run from its BenchmarkDotNet console log (plain or .gz; a result folder means its run.log.gz, else run.log):
# flags each benchmark process whose measured batches trend (two-sided Mann-Kendall test, p < 0.05, and
# largest/smallest batch >= 1.2x, the rule of the report's ⚠) or whose unmeasured first batch (jitting or warm-up) is
# >= 3x from the measured median and more than 50 ms apart. One line per flag, then a summary line per log.
#   scripts/check-run.sh results/2026-11-23-net10-debian12-2core
#   scripts/check-run.sh --markdown results/2026-11-23-net10-debian12-2core > check-run.md   (a skeleton to explain the flags in)
# Exit codes: 0 nothing flagged, 1 something flagged, 2 bad input (one line on stderr per input, nothing on stdout).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# No cd: the logs are paths relative to the caller's folder.
exec dotnet run -c Release --project "$root/src/IoBench.Report" -- check "$@"
