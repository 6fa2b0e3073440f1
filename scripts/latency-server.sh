#!/usr/bin/env bash
# The HTTP latency server on its own, for running it on another host than the benchmark (see src/IoBench.Core/workloads-and-strategies.md, HTTP):
#   scripts/latency-server.sh                          # 127.0.0.1:5080
#   scripts/latency-server.sh --listen 0.0.0.0:5080    # reachable from other hosts (prints a warning)
# Other options pass through (--min-threads N, --max-delay-ms N). It runs until Ctrl+C or SIGTERM: standalone, it
# watches no parent process and no stdin. Point the suite at it with IOBENCH_HTTP_URL=http://HOST:5080.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

args=("$@")
[[ " $* " == *" --listen "* || " $* " == *" --port "* ]] || args=(--listen 127.0.0.1:5080 "${args[@]}")
exec dotnet run -c Release --project "$root/src/IoBench.LatencyServer" -- "${args[@]}"
