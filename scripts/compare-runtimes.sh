#!/usr/bin/env bash
# Compares .NET 8, 9 and 10 on the same I/O matrix, in one BenchmarkDotNet run, and writes the comparison:
#   scripts/compare-runtimes.sh                      the comparison matrix on net8.0 net9.0 net10.0 (about 25 minutes here)
#   scripts/compare-runtimes.sh --full-matrix        the whole default matrix on each runtime (about three suites)
#   scripts/compare-runtimes.sh --artifacts DIR      where BenchmarkDotNet writes (default BenchmarkDotNet.Artifacts)
# Other arguments pass through to the benchmark app (e.g. --filter '*Sleep*'). IOBENCH_RUNTIMES overrides the runtimes,
# the baseline first (default "net8.0 net9.0 net10.0"). Fetches .NET 8 and 9 first (scripts/runtimes.sh, via bench.sh).
# Writes DIR/results/runtime-comparison.md (every runtime against the first: ratios, Mann-Whitney verdicts, geometric
# means, the largest changes in sentences) and prints it; exits with the run's exit code (1 when a case failed: the
# comparison of the cases that ran is still written), or 2 on bad input.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

artifacts=BenchmarkDotNet.Artifacts
previous=
for arg in "$@"; do
  case "$previous" in --artifacts | -a) artifacts=$arg ;; esac
  case "$arg" in --artifacts=*) artifacts=${arg#--artifacts=} ;; esac
  previous=$arg
done
case "$artifacts" in /*) ;; *) artifacts="$root/$artifacts" ;; esac # bench.sh runs the app from the repository's root

read -r -a runtimes <<< "${IOBENCH_RUNTIMES:-net8.0 net9.0 net10.0}"
status=0
"$root/scripts/bench.sh" --runtimes "${runtimes[@]}" "$@" || status=$?
if ((status == 2)); then
  exit 2 # bad input: the app's one line said why, and nothing ran
fi

results="$artifacts/results"
if ! compgen -G "$results/*report-full*.json" > /dev/null; then
  echo "compare-runtimes.sh: the run wrote no report to $results (exit code $status); nothing to compare" >&2
  exit $((status == 0 ? 1 : status))
fi

baseline=${runtimes[0]}
"$root/scripts/compare-runs.sh" "$results" --baseline "$baseline" --out "$results/runtime-comparison.md"
echo "compare-runtimes.sh: wrote $results/runtime-comparison.md" >&2
exit "$status"
