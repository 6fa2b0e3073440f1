#!/usr/bin/env bash
# Makes .NET 8 and 9 runnable next to the installed .NET 10 SDK, for `--runtimes net8.0 net9.0 net10.0`.
#
#   scripts/runtimes.sh              the pinned versions (IoBenchRuntimePacks in Directory.Packages.props)
#   scripts/runtimes.sh 8.0.33 ...   other versions (one per major at most)
#
# Where the official install (the `dotnet` on PATH, or DOTNET_ROOT) already has a major's Microsoft.NETCore.App and
# Microsoft.AspNetCore.App, that install is used and nothing is fetched. Otherwise the NuGet runtime packs
# (Microsoft.NETCore.App.Runtime.<rid>, Microsoft.AspNetCore.App.Runtime.<rid>) are restored and unpacked into a private
# dotnet root, .runtimes/dotnet (ignored by git): a copy of the installed muxer, links to the installed host/, sdk/,
# packs/ and shared frameworks, plus shared/<framework>/<version>/ from each pack. The benchmark app finds it there.
# A second run does nothing and says so. A pack that cannot be had stops the script with one line (exit 1).
#
# IOBENCH_RUNTIMES_DIR  where the private root and its package cache go (default: <repo>/.runtimes)
# IOBENCH_NUGET_SOURCE  the NuGet source to restore from (default: the configured sources)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# The pinned versions, kept with every other package version in Directory.Packages.props (IoBenchRuntimePacks).
pins=$(sed -n 's:.*<IoBenchRuntimePacks>\(.*\)</IoBenchRuntimePacks>.*:\1:p' "$root/Directory.Packages.props")
IFS=';' read -r -a pinned <<<"$pins"

me=runtimes.sh
fail() { echo "$me: error: $*" >&2; exit 1; }

((${#pinned[@]} > 0)) || fail "no IoBenchRuntimePacks in $root/Directory.Packages.props"
versions=("${@:-${pinned[@]}}")
for v in "${versions[@]}"; do
  [[ "$v" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || fail "'$v' is not a runtime version such as ${pinned[0]}"
done

dir="${IOBENCH_RUNTIMES_DIR:-$root/.runtimes}"
private="$dir/dotnet"

command -v dotnet >/dev/null || fail "no dotnet on PATH: install the .NET 10 SDK first"
installed="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
[ -x "$installed/dotnet" ] || fail "no dotnet muxer in $installed (set DOTNET_ROOT to the installed .NET)"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64) rid=linux-arm64 ;;
  *) fail "runtime packs are set up for Linux x64/arm64 only; on $(uname -s)-$(uname -m) install .NET 8 and 9 officially" ;;
esac

frameworks=(Microsoft.NETCore.App Microsoft.AspNetCore.App)
major() { echo "${1%.*}"; }
# True when the official install has both frameworks of the version's major (any patch: its owner keeps it patched).
official_has() {
  local fw
  for fw in "${frameworks[@]}"; do
    compgen -G "$installed/shared/$fw/$(major "$1").*" >/dev/null || return 1
  done
}
private_has() {
  [ -f "$private/shared/Microsoft.NETCore.App/$1/Microsoft.NETCore.App.deps.json" ] &&
    [ -f "$private/shared/Microsoft.AspNetCore.App/$1/Microsoft.AspNetCore.App.deps.json" ]
}

missing=()
from_official=()
for v in "${versions[@]}"; do
  if official_has "$v"; then from_official+=("$(major "$v")"); elif ! private_has "$v"; then missing+=("$v"); fi
done

if ((${#missing[@]} == 0)); then
  if ((${#from_official[@]} == ${#versions[@]})); then
    echo "$me: .NET ${from_official[*]} already in the official install $installed; nothing to do"
  else
    echo "$me: .NET ${versions[*]} already in $private; nothing to do"
  fi
  exit 0
fi

started=$(date +%s%N)
mkdir -p "$dir"

# One PackageDownload per package id with every version in it: two items of the same id collapse into one.
work="$(mktemp -d "$dir/restore.XXXXXX")"
trap 'rm -rf "$work"' EXIT
list=$(printf '[%s];' "${missing[@]}")
list=${list%;}
cat >"$work/fetch.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net\$(BundledNETCoreAppTargetFrameworkVersion)</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Microsoft.NETCore.App.Runtime.$rid" Version="$list" />
    <PackageDownload Include="Microsoft.AspNetCore.App.Runtime.$rid" Version="$list" />
  </ItemGroup>
</Project>
EOF
# The restore runs outside the repository's Directory.*.props (ImportDirectory* off) and into a cache of its own.
restore=(dotnet restore "$work/fetch.csproj" --packages "$dir/packages" -nologo -v:q
  -p:ImportDirectoryBuildProps=false -p:ImportDirectoryPackagesProps=false -p:ImportDirectoryBuildTargets=false)
if [ -n "${IOBENCH_NUGET_SOURCE:-}" ]; then restore+=(--source "$IOBENCH_NUGET_SOURCE"); fi
if ! "${restore[@]}" >"$work/restore.log" 2>&1; then
  cp "$work/restore.log" "$dir/restore.log"
  why=$(grep -oE 'error NU[0-9]+: [^[]*' "$dir/restore.log" | head -n 1 | sed -E 's/ *$//')
  fail "cannot get the .NET ${missing[*]} runtime packs for $rid: ${why:-restore failed} (log: $dir/restore.log)"
fi

# The private root: a copy of the muxer (a link would make it resolve frameworks next to the link's target), links to
# everything else of the installed root, and a shared/ of its own.
mkdir -p "$private/shared"
[ -x "$private/dotnet" ] || cp "$installed/dotnet" "$private/dotnet"
for entry in "$installed"/*; do
  name=$(basename "$entry")
  case "$name" in dotnet | shared) continue ;; esac
  [ -e "$private/$name" ] || ln -s "$entry" "$private/$name"
done
for fw in "${frameworks[@]}"; do
  mkdir -p "$private/shared/$fw"
  for entry in "$installed/shared/$fw"/*; do
    [ -e "$private/shared/$fw/$(basename "$entry")" ] || ln -s "$entry" "$private/shared/$fw/"
  done
done

bytes=0
for v in "${missing[@]}"; do
  for fw in "${frameworks[@]}"; do
    pack="$dir/packages/$(echo "$fw.Runtime.$rid" | tr '[:upper:]' '[:lower:]')/$v"
    lib=$(compgen -G "$pack/runtimes/$rid/lib/net*" | head -n 1) || true
    [ -n "$lib" ] || fail "the $fw $v pack has no runtimes/$rid/lib/net*/ folder ($pack)"
    # Unpacked beside its final place, then moved: a framework folder that exists is complete.
    target="$private/shared/$fw/$v"
    staging="$work/$fw-$v"
    mkdir -p "$staging"
    cp -R "$lib"/. "$staging/"
    if [ -d "$pack/runtimes/$rid/native" ]; then cp -R "$pack/runtimes/$rid/native"/. "$staging/"; fi
    [ -f "$staging/$fw.deps.json" ] || fail "the $fw $v pack has no $fw.deps.json ($pack)"
    rm -rf "$target"
    mv "$staging" "$target"
    bytes=$((bytes + $(du -sb "$target" | cut -f1)))
  done
done

# The packs are unpacked: their cache would only double the disk the runtimes take.
rm -rf "$dir/packages" "$dir/restore.log"
ms=$((($(date +%s%N) - started) / 1000000))
printf '%s: .NET %s ready in %s (%d MB unpacked, %d.%d s)\n' "$me" "${missing[*]}" "$private" $((bytes / 1000000)) $((ms / 1000)) $((ms % 1000 / 100))
