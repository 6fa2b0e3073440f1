#!/usr/bin/env bash
# Runs the IoBench suite: starts the project's PostgreSQL server (installing it when missing), then the
# default suite with embedded defaults. Arguments pass through to the benchmark app, e.g.
#   scripts/bench.sh --quick            a 2-minute smoke run of the whole matrix
#   scripts/bench.sh --filter '*Sleep*' --latency-ms 50
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# PostgreSQL is optional for the suite: without it the PostgreSQL benchmarks are skipped with a message.
if [ -z "${IOBENCH_POSTGRES:-}" ]; then
  if scripts/postgres.sh start; then
    IOBENCH_POSTGRES="$(scripts/postgres.sh url)"
    export IOBENCH_POSTGRES
  else
    echo "bench.sh: PostgreSQL did not start (the line above says what to install or set); the PostgreSQL benchmarks will be skipped" >&2
  fi
fi

exec dotnet run -c Release --project benchmarks/IoBench.Benchmarks -- "$@"
