#!/usr/bin/env bash
# A real HTTP server the project did not write, for --http-call: Debian's nginx with the echo module
# (libnginx-mod-http-echo), on loopback, run as the current user with its own config, pid and logs in a state folder.
# start|stop|restart|status|url. Its endpoint GET /sleep waits IOBENCH_HTTP_SERVER_SLEEP_MS (echo_sleep, which holds no
# worker: nginx's event loop overlaps the waits) and answers 200 with a short body; GET /health answers at once.
#   url=$(scripts/http-server.sh start)          # installs nginx on a fresh Debian machine, prints the /sleep URL
#   scripts/bench.sh --http-call "GET $url"
#   scripts/http-server.sh stop
# Env: IOBENCH_HTTP_SERVER_DIR (/var/lib/iobench/nginx as root, else ~/.local/state/iobench/nginx),
#      IOBENCH_HTTP_SERVER_PORT (58080), IOBENCH_HTTP_SERVER_SLEEP_MS (20).
# Without nginx it installs Debian's packages (needs apt-get and root or passwordless sudo), keeping the package from
# starting its own server on port 80; where it cannot, it stops with one line saying what to install.
# Only `start` and `url` write to stdout (the URL); everything else goes to stderr.
set -euo pipefail
set -E
trap 'echo "http-server.sh: failed (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

IS_ROOT=false; [[ $EUID -eq 0 ]] && IS_ROOT=true
if $IS_ROOT; then default_dir=/var/lib/iobench/nginx; else default_dir=${XDG_STATE_HOME:-$HOME/.local/state}/iobench/nginx; fi
DIR=$(realpath -m -- "${IOBENCH_HTTP_SERVER_DIR:-$default_dir}")
PORT=${IOBENCH_HTTP_SERVER_PORT:-58080}
SLEEP_MS=${IOBENCH_HTTP_SERVER_SLEEP_MS:-20}
HOST=127.0.0.1
NGINX=/usr/sbin/nginx
MODULE=/usr/lib/nginx/modules/ngx_http_echo_module.so

log() { echo "http-server.sh: $*" >&2; }
die() { trap - ERR; log "error: $*"; exit 1; }

if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then die "IOBENCH_HTTP_SERVER_PORT must be a port number, got '$PORT'"; fi
[[ $SLEEP_MS =~ ^[0-9]+$ ]] || die "IOBENCH_HTTP_SERVER_SLEEP_MS must be a whole number of milliseconds, got '$SLEEP_MS'"

MANUAL="install nginx and its echo module (Debian: 'apt-get install nginx libnginx-mod-http-echo'), or point --http-call at a server of your own"

install_nginx() {
  local sudo=() aptlog=/var/log/iobench-nginx-apt.log added_policy=false
  command -v apt-get >/dev/null 2>&1 || die "nginx is not installed and there is no apt-get to install it: $MANUAL"
  if ! $IS_ROOT; then
    sudo -n true 2>/dev/null || die "nginx is not installed and installing it needs root (or passwordless sudo): $MANUAL"
    sudo=(sudo -n); aptlog=${TMPDIR:-/tmp}/iobench-nginx-apt.log
  fi
  log "nginx or its echo module not found; installing Debian's nginx and libnginx-mod-http-echo (log: $aptlog)"
  # Debian starts an installed service at once: nginx on port 80, as www-data. A policy-rc.d that denies every start
  # keeps it stopped during the install (only when the machine has none of its own; removed afterwards).
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
    added_policy=true
  fi
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive timeout 900 apt-get -q -y -o DPkg::Lock::Timeout=120)
  local ok=true
  "${apt[@]}" update </dev/null >"$aptlog" 2>&1 || ok=false
  $ok && { "${apt[@]}" --no-install-recommends install nginx libnginx-mod-http-echo </dev/null >>"$aptlog" 2>&1 || ok=false; }
  if $added_policy; then "${sudo[@]}" rm -f /usr/sbin/policy-rc.d; fi
  $ok || die "apt-get could not install nginx libnginx-mod-http-echo, see $aptlog"
}

pid() { cat "$DIR/nginx.pid" 2>/dev/null || true; }

is_running() { local p; p=$(pid); [[ -n $p ]] && kill -0 "$p" 2>/dev/null; }

url() { echo "http://$HOST:$PORT/sleep"; }

write_config() {
  mkdir -p "$DIR/temp" 2>/dev/null || die "cannot create $DIR as $(id -un); set IOBENCH_HTTP_SERVER_DIR to a writable path"
  local user=""
  # Run as whoever runs the script: nginx's master started as root would hand its workers to 'nobody'.
  if $IS_ROOT; then user="user root root;"; fi
  cat >"$DIR/nginx.conf" <<EOF
# Managed by scripts/http-server.sh; rewritten on every start.
load_module $MODULE;
$user
# One worker: the client shares the machine's cores, and one event loop overlaps any number of echo_sleep waits.
worker_processes 1;
worker_rlimit_nofile 8192;
pid $DIR/nginx.pid;
error_log $DIR/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $DIR/temp/body;
  proxy_temp_path $DIR/temp/proxy;
  fastcgi_temp_path $DIR/temp/fastcgi;
  uwsgi_temp_path $DIR/temp/uwsgi;
  scgi_temp_path $DIR/temp/scgi;
  # A benchmark's connections stay open from its warm-up to its last batch.
  keepalive_timeout 600s;
  keepalive_requests 1000000;
  default_type text/plain;
  server {
    listen $HOST:$PORT;
    location = /health { echo "ok"; }
    location = /sleep { echo_sleep $(awk -v ms="$SLEEP_MS" 'BEGIN { printf "%.3f", ms / 1000 }'); echo "slept $SLEEP_MS ms"; }
  }
}
EOF
}

start() {
  [[ -x $NGINX && -f $MODULE ]] || { install_nginx; [[ -x $NGINX && -f $MODULE ]] || die "no $NGINX or $MODULE after the install: $MANUAL"; }
  if is_running; then
    log "already running on $HOST:$PORT (pid $(pid), folder $DIR)"
    url; return 0
  fi
  write_config
  ! timeout 5 bash -c ">/dev/tcp/$HOST/$PORT" 2>/dev/null || die "port $HOST:$PORT is already in use by another process (set IOBENCH_HTTP_SERVER_PORT)"
  local out
  out=$("$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/error.log" 2>&1) || die "nginx did not start: $(echo "$out" | tail -n 1) (log: $DIR/error.log)"
  for _ in {1..50}; do
    if curl -fsS -o /dev/null "http://$HOST:$PORT/health" 2>/dev/null || (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
      log "ready: $("$NGINX" -v 2>&1 | sed 's/^nginx version: //') on $HOST:$PORT, GET /sleep waits $SLEEP_MS ms (pid $(pid), folder $DIR)"
      url; return 0
    fi
    sleep 0.1
  done
  die "nginx started but does not answer on $HOST:$PORT (log: $DIR/error.log)"
}

stop() {
  if ! is_running; then log "not running"; return 0; fi
  local p; p=$(pid)
  "$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/error.log" -s quit 2>/dev/null || kill "$p"
  for _ in {1..50}; do
    kill -0 "$p" 2>/dev/null || { log "stopped (folder $DIR)"; return 0; }
    sleep 0.1
  done
  kill -9 "$p" 2>/dev/null || true
  log "stopped after SIGKILL (folder $DIR)"
}

status() {
  if is_running; then log "running on $HOST:$PORT (pid $(pid), folder $DIR)"; return 0; fi
  log "not running (folder $DIR)"; exit 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  url) url ;;
  *) trap - ERR; echo "usage: $0 start|stop|restart|status|url" >&2; exit 2 ;;
esac
