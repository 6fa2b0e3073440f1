#!/usr/bin/env bash
# The strategies' own cost per operation (issue 11), not part of the default suite: every strategy over an operation
# with no latency (Immediate: an async form already complete; Yield: pending once), 1,000 operations a batch,
# OperationsPerInvoke = 1,000, so Mean is nanoseconds and Alloc/op bytes per operation. About 5 minutes on 2 cores.
#   scripts/cost.sh --strategies Task,Thread                            a subset
#   scripts/cost.sh --artifacts results/NEW-RUN/cost                    where the report goes
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# No cd: like `dotnet run`, the run writes BenchmarkDotNet.Artifacts (or --artifacts DIR) from the caller's folder.
exec dotnet run -c Release --project "$root/benchmarks/IoBench.Benchmarks" -- --cost "$@"
