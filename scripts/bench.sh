#!/usr/bin/env bash
# Runs the IoBench suite: starts the project's PostgreSQL server (installing it when missing), then the
# default suite with embedded defaults. Arguments pass through to the benchmark app, e.g.
#   scripts/bench.sh --quick            a 2-minute smoke run of the whole matrix
#   scripts/bench.sh --filter '*Sleep*' --latency-ms 50
#   scripts/bench.sh --runtimes net8.0 net9.0 net10.0   one run on each runtime, the first the baseline (fetches
#                                                       .NET 8 and 9 first with scripts/runtimes.sh), and the runtime
#                                                       comparison written beside its reports (runtime-comparison.md)
# Like `dotnet run`, the run writes BenchmarkDotNet.Artifacts/ (or --artifacts DIR) in the folder the script is called
# from, and ends with the paths it wrote. Exits with the app's exit code: 0 all ran, 1 a benchmark failed (the reports
# and the comparison of what ran are still written), 2 bad input (nothing ran).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here=$PWD
cd "$root"

# PostgreSQL is optional for the suite: without it the PostgreSQL benchmarks are skipped with a message.
. scripts/lib.sh
iobench_use_postgres bench.sh "the PostgreSQL benchmarks"

# The runtimes (the baseline first) and where BenchmarkDotNet writes, as the app reads them.
artifacts=BenchmarkDotNet.Artifacts
runtimes=()
previous=
in_runtimes=false
for arg in "$@"; do
  case "$previous" in --artifacts | -a) artifacts=$arg ;; esac
  case "$arg" in --artifacts=*) artifacts=${arg#--artifacts=} ;; esac
  if [ "$arg" = --runtimes ] || [ "$arg" = -r ]; then
    in_runtimes=true
  elif [[ "$arg" == -* ]]; then
    in_runtimes=false
  elif $in_runtimes; then
    IFS=',' read -r -a names <<<"$arg"
    runtimes+=("${names[@]}")
  fi
  previous=$arg
done
case "$artifacts" in /*) ;; *) artifacts="$here/$artifacts" ;; esac

# A comparison run needs .NET 8 and 9 beside the SDK: runtimes.sh fetches them once (or finds an official install).
if ((${#runtimes[@]} > 0)); then
  scripts/runtimes.sh
fi

status=0
cd "$here"
dotnet run -c Release --project "$root/benchmarks/IoBench.Benchmarks" -- "$@" || status=$?
if ((${#runtimes[@]} < 2 || status == 2)); then
  exit "$status"
fi

# Several runtimes: every runtime against the first, from the run's BenchmarkDotNet JSON (scripts/compare-runs.sh).
results="$artifacts/results"
shown=${results#"$here"/}
if ! compgen -G "$results/*report-full*.json" >/dev/null; then
  echo "bench.sh: the run wrote no report to $shown (exit code $status); nothing to compare" >&2
  exit $((status == 0 ? 1 : status))
fi
"$root/scripts/compare-runs.sh" "$results" --baseline "${runtimes[0]}" --out "$results/runtime-comparison.md"
echo "bench.sh: wrote $shown/runtime-comparison.md" >&2
exit "$status"
