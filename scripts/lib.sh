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
