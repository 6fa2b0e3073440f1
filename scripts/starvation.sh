#!/usr/bin/env bash
# The thread-pool starvation lab (issue 10), not part of the default suite: ThreadPool, TaskRun and SyncOverAsync (each
# blocks a pool thread per operation) and Task (blocks none) over Thread.Sleep / Task.Delay of L = 20 ms, N = 10, 100,
# 1000, with the pool's default minimum of worker threads and with it raised to N, cold and steady; every measured batch
# carries the pool's thread count sampled every 5 ms from a dedicated thread. The report adds starvation-lab.md and its
# charts (chart-starvation-*.svg). About 6-7 minutes on 2 cores. Arguments pass through, e.g.
#   scripts/starvation.sh --ops 100 --strategies ThreadPool,SyncOverAsync     a smaller matrix
#   scripts/starvation.sh --artifacts results/NEW-RUN                         where the report goes
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# No cd: like `dotnet run`, the run writes BenchmarkDotNet.Artifacts (or --artifacts DIR) from the caller's folder.
exec dotnet run -c Release --project "$root/benchmarks/IoBench.Benchmarks" -- --starvation "$@"
