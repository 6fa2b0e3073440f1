#!/usr/bin/env bash
# Compares .NET 8, 9 and 10 on the same I/O matrix, in one BenchmarkDotNet run, and writes the comparison:
#   scripts/compare-runtimes.sh                      the comparison matrix on net8.0 net9.0 net10.0, with the baseline's negative
#                                                    and positive controls, three processes a steady cell (its time: README.md)
#   scripts/compare-runtimes.sh --full-matrix        the whole default matrix on each runtime (about three suites)
#   scripts/compare-runtimes.sh --artifacts DIR      where BenchmarkDotNet writes (default BenchmarkDotNet.Artifacts)
# Other arguments pass through to the benchmark app (e.g. --filter '*Sleep*'). IOBENCH_RUNTIMES overrides the runtimes,
# the baseline first (default "net8.0 net9.0 net10.0"). It is scripts/bench.sh --runtimes with those runtimes: bench.sh
# fetches .NET 8 and 9 first (scripts/runtimes.sh), and writes DIR/results/runtime-comparison.md (every runtime against
# the first and the two controls: ratios with intervals, verdicts under false-discovery control, the headline medians,
# the largest changes in sentences); exits with the run's
# exit code (1 when a case failed: the comparison of the cases that ran is still written), or 2 on bad input.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
read -r -a runtimes <<< "${IOBENCH_RUNTIMES:-net8.0 net9.0 net10.0}"
exec "$root/scripts/bench.sh" --runtimes "${runtimes[@]}" "$@"
