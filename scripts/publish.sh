#!/usr/bin/env bash
# Runs one of the suite's scripts and publishes what it wrote into a results folder, as every published run is kept:
#   scripts/publish.sh results/2026-12-06-net10-debian12-2core-v5 scripts/bench.sh
#   scripts/publish.sh results/2026-12-06-net10-debian12-2core-cost/cost scripts/cost.sh
#   scripts/publish.sh results/2026-12-06-runtimes-net8-net9-net10-debian12-2core scripts/compare-runtimes.sh
# The script runs with --artifacts in a fresh folder of its own (other arguments after the script pass through). Before
# and after, /proc/loadavg is appended to load.txt in the first folder under results/, with the wall time, so a reader
# sees whether the machine was quiet. Then the run's reports, charts, data file and comparison go to DEST, its
# BenchmarkDotNet log and full JSON gzipped, and every path of this machine in them is written relative to the
# repository ("." for the repository, "~" for the home folder), so no published file names the machine's folders.
# Exits with the script's exit code (the files are published for 0 and 1, the run's own "a case failed"); 2 when DEST
# exists or the run wrote no data file, leaving nothing behind in DEST.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if (($# < 2)); then
  echo "usage: scripts/publish.sh DEST SCRIPT [ARGS...]  (DEST a new folder under results/)" >&2
  exit 2
fi
dest=$1
script=$2
shift 2
case "$dest" in /*) ;; *) dest="$PWD/$dest" ;; esac
case "$dest" in "$root"/results/*) ;; *) echo "publish.sh: $1 is not under results/" >&2; exit 2 ;; esac
if [ -e "$dest" ]; then
  echo "publish.sh: $1 exists; publish into a new folder" >&2
  exit 2
fi
# load.txt lives in the run's folder: results/NAME, also when DEST is a subfolder of it (results/NAME/cost).
relative=${dest#"$root"/results/}
run_folder="$root/results/${relative%%/*}"
label=${relative#*/}
[ "$label" = "$relative" ] && label=.
artifacts=$(mktemp -d "${TMPDIR:-/var/tmp}/iobench-publish.XXXXXX")
trap 'rm -rf "$artifacts"' EXIT

mkdir -p "$run_folder"
load_file="$run_folder/load.txt"
if [ ! -s "$load_file" ]; then
  echo "Load average (/proc/loadavg: 1, 5, 15 minutes) around each published run, no other work on the machine during the runs (the 1-minute figure at a start still carries the run before it):" >"$load_file"
fi
start_load=$(cat /proc/loadavg)
start=$(date +%s)
start_clock=$(date -u +%H:%M:%S)
status=0
(cd "$root" && "$script" --artifacts "$artifacts" "$@") || status=$?
end=$(date +%s)
{
  echo "$label/ ($script${*:+ $*}):"
  echo "start $start_clock $start_load"
  echo "end   $(date -u +%H:%M:%S) $(cat /proc/loadavg)"
  echo "wall $((end - start)) s (exit code $status)"
} >>"$load_file"

results="$artifacts/results"
if ((status > 1)) || [ ! -f "$results/iobench-data.json" ]; then
  echo "publish.sh: $script exited $status and wrote no data file; nothing published (load.txt keeps the attempt)" >&2
  exit $((status > 1 ? status : 2))
fi

mkdir -p "$dest"
shopt -s nullglob
for file in "$results"/*.md "$results"/*.svg "$results"/*.json; do
  case "$file" in
    *-report-full.json) cp "$file" "$dest/report-full.json" ;;
    *-report-github.md) cp "$file" "$dest/report-github.md" ;;
    *-report*.json | *-report.csv) ;;
    *) cp "$file" "$dest/" ;;
  esac
done
logs=("$artifacts"/*.log)
if ((${#logs[@]} > 0)); then
  cat "${logs[@]}" >"$dest/run.log"
fi
# Paths of this machine become relative: the repository (and the run's artifacts folder) first, then the home folder.
for file in "$dest"/*; do
  case "$file" in *.svg) continue ;; esac
  # The artifacts folder, absolute or as BenchmarkDotNet's export list names it (var/tmp/..., ../../var/tmp/...).
  sed -i -e "s#\(\.\./\)*/\{0,1\}${artifacts#/}#./BenchmarkDotNet.Artifacts#g" \
    -e "s#$root/#./#g" -e "s#$root#.#g" -e "s#$HOME/#~/#g" "$file"
done
gzip -9 -n "$dest/run.log" "$dest/report-full.json" 2>/dev/null || true
echo "publish.sh: published into ${dest#"$root"/} (exit code $status); next: scripts/check-run.sh --markdown ${dest#"$root"/}" >&2
exit "$status"
