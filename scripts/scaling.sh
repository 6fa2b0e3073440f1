#!/usr/bin/env bash
# The strategies' own cost at scale (issue 11), not part of the default suite: Task, ValueTask, Channel, Bounded and
# EventLoop (K = none), Thread and Sequential over Task.Delay / Thread.Sleep of L = 100 ms for N = 1 to 1,000,000,
# beside a bare Task.WhenAll of Task.Delay measured in the same run, with memory per pending operation.
# About 10 minutes on 2 cores. Arguments pass through, e.g.
#   scripts/scaling.sh --ops 1000,100000 --strategies Task,Channel      a smaller matrix
#   scripts/scaling.sh --artifacts results/NEW-RUN/scaling               where the report goes
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# No cd: like `dotnet run`, the run writes BenchmarkDotNet.Artifacts (or --artifacts DIR) from the caller's folder.
exec dotnet run -c Release --project "$root/benchmarks/IoBench.Benchmarks" -- --scaling --latency-ms 100 "$@"
