# Shared by scripts/bench.sh and scripts/test.sh (sourced from the repository root).

# Points IOBENCH_POSTGRES at the project's own server, starting it (and installing PostgreSQL on a fresh Debian
# machine), unless IOBENCH_POSTGRES is already set. Where postgres.sh cannot install or start one (no apt-get, no
# root), its one line says what to do and this carries on: $1 names the caller, $2 what will then be skipped.
iobench_use_postgres() {
  if [ -n "${IOBENCH_POSTGRES:-}" ]; then
    return 0
  fi
  if scripts/postgres.sh start; then
    IOBENCH_POSTGRES="$(scripts/postgres.sh url)"
    export IOBENCH_POSTGRES
  else
    echo "$1: PostgreSQL did not start (the line above says what to install or set); $2 will be skipped" >&2
  fi
}

# Makes sure Debian's `chromium` is installed: the chart tests render every SVG chart in it, headless. Installs it
# with apt-get as root (or passwordless sudo) when missing; elsewhere one line says what to install and this
# carries on (the chart-rendering tests then fail, saying chromium is missing). $1 names the caller.
iobench_ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 || [ -n "${IOBENCH_CHROMIUM:-}" ]; then
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
  fi
  if [ "$sudo" = "none" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "$1: chromium is missing and cannot be installed here (needs apt-get and root): install it, or set IOBENCH_CHROMIUM to a Chromium binary" >&2
    return 0
  fi
  echo "$1: installing chromium (Debian package) for the chart rendering tests" >&2
  if ! { $sudo apt-get install -y -qq chromium >/dev/null 2>&1 || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq chromium >/dev/null 2>&1; }; }; then
    echo "$1: apt-get could not install chromium; the chart rendering tests will fail" >&2
  fi
}
