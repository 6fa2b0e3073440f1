#!/usr/bin/env bash
# Packs src/IoBench.Core into artifacts/packages (git-ignored) and runs benchmarks/IoBench.Sample, a user's own benchmark
# that consumes that package through its nuget.config, not through a project reference. The arguments go to
# BenchmarkDotNet:
#   scripts/sample.sh --job short                                     # every strategy at N = 10 and 100
#   scripts/sample.sh --filter '*(N: 10, Strategy: Task)' --job Dry   # one case, one batch
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/IoBench.Core/IoBench.Core.csproj)"
dotnet pack src/IoBench.Core -c Release -o artifacts/packages -nologo -v:q
# NuGet extracts a package once per id and version and never reads the feed for it again: without this, a re-packed
# 0.1.0 would lose to the first one extracted. Only the package this script packs is removed.
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
rm -rf "${packages%/}/iobench.core/$version"
exec dotnet run -c Release --project benchmarks/IoBench.Sample -- "$@"
