#!/usr/bin/env bash
# Regenerates docs/columns.md from the legends of the columns a run's tables print (IColumn.Legend) and the families'
# parameters: a column's meaning is written once, in its legend. A test fails with this command when the page is stale.
#   scripts/columns-page.sh
# Exit codes: 0 written, 2 bad input.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

exec dotnet run -c Release --project "$root/benchmarks/IoBench.Benchmarks" -- columns-page "$root/docs/columns.md"
