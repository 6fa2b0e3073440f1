#!/usr/bin/env bash
# Local PostgreSQL for the I/O benchmarks: start|stop|restart|status|url.
# Env: IOBENCH_PG_DATA (/var/lib/iobench/postgres), IOBENCH_PG_PORT (55432),
#      IOBENCH_PG_USER (iobench), IOBENCH_PG_PASSWORD (iobench), IOBENCH_PG_DB (iobench),
#      IOBENCH_PG_BIN (unset: the newest /usr/lib/postgresql/*/bin): the folder with postgres, initdb, pg_ctl, psql and
#      pg_isready, for a PostgreSQL installed elsewhere (not from Debian's packages).
# Without server binaries it installs Debian's package (needs apt-get and root or passwordless sudo); where it cannot,
# it stops with one line saying what to install or which IOBENCH_POSTGRES to set.
# Only `url` writes to stdout (the Npgsql connection string); everything else goes to stderr.
set -euo pipefail
set -E # let the ERR trap fire inside functions too
trap 'echo "postgres.sh: failed (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

PGDATA_DIR=$(realpath -m -- "${IOBENCH_PG_DATA:-/var/lib/iobench/postgres}") # absolute: we cd / below
PORT=${IOBENCH_PG_PORT:-55432}
DB_USER=${IOBENCH_PG_USER:-iobench}
DB_PASS=${IOBENCH_PG_PASSWORD:-iobench} # empty counts as unset: scram login needs a password
DB_NAME=${IOBENCH_PG_DB:-iobench}
HOST=127.0.0.1
SUPERUSER=postgres # fixed by `initdb -U`, whoever runs the script
cd / # runuser keeps the cwd; a cwd like /root is unreadable for postgres and makes tools warn

log() { echo "postgres.sh: $*" >&2; }
die() { trap - ERR; log "error: $*"; exit 1; }

if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then die "IOBENCH_PG_PORT must be a port number, got '$PORT'"; fi
# a Unix socket path is limited to 107 bytes and the socket lives in the data folder
((${#PGDATA_DIR} + 18 < 108)) || die "IOBENCH_PG_DATA path too long for a Unix socket: $PGDATA_DIR"

IS_ROOT=false; [[ $EUID -eq 0 ]] && IS_ROOT=true

# Run a command as the server's OS user (postgres refuses to run as root).
as_pg() { if $IS_ROOT; then runuser -u postgres -- "$@"; else "$@"; fi; }

# IOBENCH_PG_BIN if set, else the highest installed major version that has the server binaries; empty if none.
find_bindir() {
  local d # an unmatched glob stays literal and simply fails the -x test
  while IFS= read -r d; do
    [[ -x $d/postgres && -x $d/initdb ]] && { echo "$d"; return; }
  done < <(if [[ -n ${IOBENCH_PG_BIN:-} ]]; then echo "$IOBENCH_PG_BIN"; else printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV; fi)
  return 0
}

# What to do instead, when the script cannot install PostgreSQL itself.
MANUAL="install PostgreSQL's server (e.g. 'apt-get install postgresql', 'dnf install postgresql-server', 'brew install postgresql')\
 and set IOBENCH_PG_BIN to the folder holding postgres and initdb, or set IOBENCH_POSTGRES to a running server's connection string"

install_postgres() {
  local sudo=() aptlog=/var/log/iobench-postgres-apt.log
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and there is no apt-get to install it: $MANUAL"
  [[ -n ${IOBENCH_PG_BIN:-} ]] && die "no postgres and initdb in IOBENCH_PG_BIN=$IOBENCH_PG_BIN; $MANUAL"
  if ! $IS_ROOT; then
    if ! sudo -n true 2>/dev/null; then die "PostgreSQL is not installed and installing it needs root (or passwordless sudo): $MANUAL"; fi
    sudo=(sudo -n); aptlog=${TMPDIR:-/tmp}/iobench-postgres-apt.log
  fi
  log "PostgreSQL server not found; installing Debian package 'postgresql' (log: $aptlog)"
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive CI=true timeout 900 apt-get -q -y -o DPkg::Lock::Timeout=120)
  # Stop Debian from creating+starting its own 'main' cluster on 5432 during the install.
  no_main_cluster() {
    "${sudo[@]}" mkdir -p /etc/postgresql-common
    # shellcheck disable=SC2016 # $f is expanded by the inner sh
    "${sudo[@]}" sh -c 'f=/etc/postgresql-common/createcluster.conf; touch "$f"
      sed -i "/^[[:space:]]*create_main_cluster[[:space:]]*=/d" "$f"; echo "create_main_cluster = false" >> "$f"'
  }
  no_main_cluster
  "${apt[@]}" update </dev/null >"$aptlog" 2>&1 || die "apt-get update failed, see $aptlog"
  # postgresql-common first: its postinst (ucf) may rewrite createcluster.conf, so re-assert before the server package.
  "${apt[@]}" --no-install-recommends install postgresql-common </dev/null >>"$aptlog" 2>&1 || die "apt-get install postgresql-common failed, see $aptlog"
  no_main_cluster
  "${apt[@]}" --no-install-recommends install postgresql </dev/null >>"$aptlog" 2>&1 || die "apt-get install postgresql failed, see $aptlog"
}

BINDIR=$(find_bindir)
need_bindir() { [[ -n $BINDIR ]] || die "PostgreSQL server binaries not found in ${IOBENCH_PG_BIN:-/usr/lib/postgresql/*/bin} (run '$0 start' to install)"; }

is_running() { [[ -n $BINDIR && -f $PGDATA_DIR/PG_VERSION ]] && as_pg "$BINDIR/pg_ctl" status -D "$PGDATA_DIR" >/dev/null 2>&1; }

# Port the running server actually listens on (line 4 of postmaster.pid); falls back to the configured one.
running_port() { local p; p=$(sed -n 4p "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true); echo "${p:-$PORT}"; }

# Quote a connection-string value exactly like System.Data.Common.DbConnectionStringBuilder does.
cs_value() {
  local v=$1 plain='^[^"'\''=;[:space:][:cntrl:]]*$'
  if [[ $v =~ $plain ]]; then printf '%s' "$v"
  elif [[ $v == *'"'* && $v != *"'"* ]]; then printf "'%s'" "$v" # has " but no ': single-quote as is
  else printf '"%s"' "${v//\"/\"\"}"; fi                         # otherwise double-quote, doubling "
}

url() {
  printf 'Host=%s;Port=%s;Username=%s;Password=%s;Database=%s\n' \
    "$HOST" "$PORT" "$(cs_value "$DB_USER")" "$(cs_value "$DB_PASS")" "$(cs_value "$DB_NAME")"
}

prepare_dirs() {
  if $IS_ROOT; then
    # Debian's package creates this user; a bare machine with binaries but no user gets a system one.
    id -u postgres >/dev/null 2>&1 || useradd --system --user-group --home-dir /var/lib/iobench --no-create-home --shell /usr/sbin/nologin postgres
    mkdir -p "$PGDATA_DIR"
    chown postgres: "$PGDATA_DIR"
    local d; d=$(dirname "$PGDATA_DIR")
    # The server user must be able to traverse every parent folder down to the data folder.
    while [[ $d != / ]]; do
      runuser -u postgres -- test -x "$d" || chmod o+x "$d"
      d=$(dirname "$d")
    done
  else
    mkdir -p "$PGDATA_DIR" 2>/dev/null || die "cannot create $PGDATA_DIR as $(id -un); set IOBENCH_PG_DATA to a writable path"
  fi
  chmod 700 "$PGDATA_DIR"
}

write_config() {
  local q=${PGDATA_DIR//\'/\'\'} # single quotes doubled for postgresql.conf
  as_pg tee "$PGDATA_DIR/iobench.conf" >/dev/null <<EOF
# Managed by scripts/postgres.sh; rewritten on every start.
listen_addresses = '127.0.0.1'
port = $PORT
max_connections = 500
unix_socket_directories = '$q'
EOF
  grep -q "^include_if_exists = 'iobench.conf'" "$PGDATA_DIR/postgresql.conf" ||
    echo "include_if_exists = 'iobench.conf'" | as_pg tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
}

ensure_role_db() {
  # psql as superuser over the Unix socket in the data folder (local auth is trust).
  # Values travel as psql variables; :'x' quotes them as literals, format(%I/%L) quotes inside the DDL.
  local out
  if ! out=$(as_pg timeout 60 "$BINDIR/psql" -h "$PGDATA_DIR" -p "$(running_port)" -U "$SUPERUSER" \
      -d "dbname=postgres connect_timeout=10" -X -q -v ON_ERROR_STOP=1 \
      -v user="$DB_USER" -v pw="$DB_PASS" -v db="$DB_NAME" 2>&1 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'user') \gexec
SQL
  ); then die "creating role/database failed: $(echo "$out" | tail -n 1)"; fi
}

# Most recent FATAL/PANIC/ERROR from the server log without its timestamp prefix (else the last line).
last_error() {
  local f=$PGDATA_DIR/server.log
  { grep -E 'FATAL|PANIC|ERROR' "$f" 2>/dev/null || tail -n 1 "$f" 2>/dev/null || echo 'no server log'; } | tail -n 1 | sed 's/^.*\] //'
}

wait_ready() {
  for _ in {1..30}; do
    "$BINDIR/pg_isready" -q -h "$HOST" -p "$(running_port)" -t 1 && return 0
    sleep 1
  done
  die "server did not accept TCP connections on $HOST:$(running_port) after 30 tries (log: $PGDATA_DIR/server.log)"
}

start() {
  [[ -n $BINDIR ]] || { install_postgres; BINDIR=$(find_bindir); need_bindir; }
  if is_running; then
    log "already running on $HOST:$(running_port) (data: $PGDATA_DIR); ensuring role/database"
    ensure_role_db; return 0
  fi
  prepare_dirs
  if [[ ! -f $PGDATA_DIR/PG_VERSION ]]; then
    log "initialising $PGDATA_DIR ($("$BINDIR/postgres" --version))"
    local out
    # locale C: deterministic and fast collation, present on every system.
    out=$(as_pg "$BINDIR/initdb" -D "$PGDATA_DIR" -U "$SUPERUSER" -E UTF8 --locale=C \
      --auth-local=trust --auth-host=scram-sha-256 --no-instructions 2>&1) || die "initdb failed: $(echo "$out" | tail -n 1)"
  fi
  write_config
  # Fail clearly if something else (e.g. another cluster) already owns the port.
  ! timeout 5 bash -c ">/dev/tcp/$HOST/$PORT" 2>/dev/null || die "port $HOST:$PORT is already in use by another process (set IOBENCH_PG_PORT)"
  log "starting on $HOST:$PORT (data: $PGDATA_DIR)"
  as_pg "$BINDIR/pg_ctl" start -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 30 -s >/dev/null 2>&1 ||
    die "pg_ctl start failed: $(last_error) (log: $PGDATA_DIR/server.log)"
  wait_ready
  ensure_role_db
  log "ready: $HOST:$PORT database '$DB_NAME' user '$DB_USER'"
}

stop() {
  if ! is_running; then log "not running"; return 0; fi
  local out
  out=$(as_pg "$BINDIR/pg_ctl" stop -D "$PGDATA_DIR" -m fast -w -t 30 -s 2>&1) || die "pg_ctl stop failed: $(echo "$out" | tail -n 1)"
  log "stopped ($PGDATA_DIR)"
}

status() {
  if is_running; then log "running on $HOST:$(running_port) (data: $PGDATA_DIR)"; return 0; fi
  log "not running (data: $PGDATA_DIR)"; exit 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  url) url ;;
  *) trap - ERR; echo "usage: $0 start|stop|restart|status|url" >&2; exit 2 ;;
esac
