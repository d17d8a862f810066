#!/usr/bin/env bash
# Runs the HTTP integration suite against a real `zhichong serve`.
#   tests/integration/run.sh [sqlite|postgres] [extra node --test args / files]
# Env: ZHICHONG_BIN (default build/release/zhichong), ZHICHONG_TEST_CONCURRENCY (files in parallel, default 2).
# postgres: starts a throwaway cluster with scripts/pg-temp.sh (each test file gets its own database)
# and always stops it again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
backend=${1:-sqlite}
shift || true
cd "$root"

files=("$@")
[ ${#files[@]} -gt 0 ] || files=(tests/integration/)
args=(--test --test-concurrency="${ZHICHONG_TEST_CONCURRENCY:-2}")
args+=(--test-reporter="${ZHICHONG_TEST_REPORTER:-spec}")

case "$backend" in
  sqlite)
    unset ZHICHONG_TEST_PG_URL
    exec node "${args[@]}" "${files[@]}"
    ;;
  postgres|pg)
    command -v psql >/dev/null || { echo "psql missing: apt-get install -y postgresql" >&2; exit 2; }
    pgdir=$(mktemp -d /tmp/zc-it-pg.XXXXXX)
    trap '"$root/scripts/pg-temp.sh" stop "$pgdir"' EXIT
    url=$("$root/scripts/pg-temp.sh" start "$pgdir")
    echo "PostgreSQL: $url" >&2
    ZHICHONG_TEST_PG_URL=$url node "${args[@]}" "${files[@]}"
    ;;
  *) echo "usage: $0 [sqlite|postgres] [files...]" >&2; exit 2 ;;
esac
