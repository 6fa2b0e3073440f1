#!/usr/bin/env bash
# Runs the IoBench suite: starts the project's PostgreSQL server (installing it when missing), then the
# default suite with embedded defaults. Arguments pass through to the benchmark app, e.g.
#   scripts/bench.sh --quick            a 2-minute smoke run of the whole matrix
#   scripts/bench.sh --filter '*Sleep*' --latency-ms 50
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# PostgreSQL is optional for the suite: without it the PostgreSQL benchmarks are skipped with a message.
. scripts/lib.sh
iobench_use_postgres bench.sh "the PostgreSQL benchmarks"

exec dotnet run -c Release --project benchmarks/IoBench.Benchmarks -- "$@"
