#!/usr/bin/env bash
# Runs the IoBench suite: starts the project's PostgreSQL server (installing it when missing), then the
# default suite with embedded defaults. Arguments pass through to the benchmark app, e.g.
#   scripts/bench.sh --quick            a 2-minute smoke run of the whole matrix
#   scripts/bench.sh --filter '*Sleep*' --latency-ms 50
#   scripts/bench.sh --runtimes net8.0 net9.0 net10.0   one run on each runtime, the first the baseline (fetches
#                                                       .NET 8 and 9 first with scripts/runtimes.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# PostgreSQL is optional for the suite: without it the PostgreSQL benchmarks are skipped with a message.
. scripts/lib.sh
iobench_use_postgres bench.sh "the PostgreSQL benchmarks"

# A comparison run needs .NET 8 and 9 beside the SDK: runtimes.sh fetches them once (or finds an official install).
for arg in "$@"; do
  if [ "$arg" = --runtimes ] || [ "$arg" = -r ]; then
    scripts/runtimes.sh
    break
  fi
done

exec dotnet run -c Release --project benchmarks/IoBench.Benchmarks -- "$@"
