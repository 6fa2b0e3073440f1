#!/usr/bin/env bash
# Regenerates every report and chart of one or more result folders from their iobench-data.json alone (no benchmark
# runs): iobench-report.md and one chart-*.svg per workload configuration, written atomically next to the data file.
# The same data file gives the same bytes.
#   scripts/report.sh results/2026-11-23-net10-debian12-2core
# Exit codes: 0 written, 2 bad input (one line on stderr per folder; that folder's files are left as they were).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# No cd: the folders are paths relative to the caller's folder.
exec dotnet run -c Release --project "$root/src/IoBench.Report" -- "$@"
