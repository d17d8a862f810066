#!/usr/bin/env bash
# Throwaway PostgreSQL 15 server for tests (Debian's postgresql package), on 127.0.0.1 and a free port.
#
#   scripts/pg-temp.sh [start] [DIR]   start a cluster in DIR (default: a new mktemp dir), create the
#                                      database, print its URL on stdout (one line). Starting a DIR that
#                                      already runs just prints the URL again.
#   scripts/pg-temp.sh stop DIR        stop the server and delete DIR (a no-op when nothing is there).
#   scripts/pg-temp.sh url DIR         print the URL of a running cluster.
#
# As root the server runs as the `postgres` system user (PostgreSQL refuses root). Trust auth on
# loopback; the socket lives inside DIR; the system cluster is never touched.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DB=${PG_TEMP_DB:-zhichong_test}
MARK=.zhichong-pg-temp

die() { echo "pg-temp: $*" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url_of() { echo "postgresql://postgres@127.0.0.1:$(cat "$1/port")/$DB"; }

running() { [ -f "$1/port" ] && as_pg "$PGBIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cmd_start() {
  local dir=${1:-}
  [ -x "$PGBIN/initdb" ] || die "$PGBIN/initdb not found (apt-get install -y postgresql)"
  if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || die "no 'postgres' system user"; fi
  if [ -z "$dir" ]; then dir=$(mktemp -d /tmp/zc-pg.XXXXXX); echo "pg-temp: dir $dir" >&2; fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if running "$dir"; then url_of "$dir"; return 0; fi
  if [ -e "$dir/data" ] && [ ! -f "$dir/$MARK" ]; then die "$dir/data exists and is not a pg-temp cluster"; fi
  touch "$dir/$MARK"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir" && chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=trust >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  local try port
  for try in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    port_free "$port" || continue
    if as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      as_pg "$PGBIN/createdb" -h "$dir" -p "$port" -U postgres "$DB" 2>/dev/null \
        || as_pg "$PGBIN/psql" -h "$dir" -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" postgres | grep -q 1 \
        || die "createdb failed"
      url_of "$dir"
      return 0
    fi
  done
  tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
  die "could not start PostgreSQL"
}

cmd_stop() {
  local dir=${1:-}
  [ -n "$dir" ] || die "usage: $0 stop DIR"
  [ -d "$dir" ] || return 0
  [ -f "$dir/$MARK" ] || die "$dir is not a pg-temp directory; not deleting it"
  if [ -f "$dir/data/PG_VERSION" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-start}" in
  start) shift || true; cmd_start "${1:-}" ;;
  stop) cmd_stop "${2:-}" ;;
  url) [ -n "${2:-}" ] && running "$2" || die "not running"; url_of "$2" ;;
  -h|--help|help) sed -n '2,12p' "$0" ;;
  *) if [ -d "$1" ] || [ ! -e "$1" ]; then cmd_start "$1"; else die "unknown command $1"; fi ;;
esac
