#!/usr/bin/env bash
# bench/stats: the home dashboard and the station report over ORDERS generated car orders (default 1,000,000)
# spread over the last SPAN_DAYS days (365) on 2 properties × STATIONS stations (100 each: 200), on SQLite and
# on PostgreSQL. The orders are generated as bench/orders does (bench/orders/lib.sh); then
# `zhichong stats rebuild` rolls the whole range up (timed), and REQUESTS sequential requests per scenario
# measure: the dashboard of the system admin and of a property admin (goal p95 ≤ 50 ms), the station report
# for one month — its list page and its totals/chart — for the system admin, a property admin and one station
# (goal ≤ 100 ms). Writes bench/results/stats.json.
#
#   bench/stats/run.sh [BUILD_DIR]
#   env: BACKENDS ("sqlite postgres") ORDERS (1000000) SPAN_DAYS (365) STATIONS (100 per property) PILES (1)
#        REQUESTS (100)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
backends=${BACKENDS:-sqlite postgres}
orders=${ORDERS:-1000000}; requests=${REQUESTS:-100}
stations=${STATIONS:-100}; piles=${PILES:-1}
for tool in sqlite3 psql node python3 curl; do
  command -v $tool >/dev/null || { echo "bench/stats: $tool missing" >&2; exit 2; }
done
ninja -C "$build" zhichong >/dev/null
bench_name=stats
# shellcheck source=bench/orders/lib.sh
source bench/orders/lib.sh
span_ms=$((${SPAN_DAYS:-365} * 86400 * 1000))
now_ms=$(($(date +%s) * 1000))

results=()
for backend in $backends; do
  echo "bench/stats: $backend — setting up" >&2
  new_database "$backend"
  start_server "$url" ZHICHONG_YKC_ENABLED=false
  setup=$(node bench/orders/setup.mjs "http://127.0.0.1:$http_port" "$password" "$stations" "$piles")
  stop_server
  t0=$(date +%s)
  # the triggers mark every generated order; the rebuild below covers them all
  if [ "$backend" = sqlite ]; then { orders_sql sqlite; echo "DELETE FROM stat_dirty;"; } | sqlite3 "$work/zc.db" >/dev/null
  else { orders_sql postgres; echo "DELETE FROM stat_dirty;"; } | psql -q -v ON_ERROR_STOP=1 "$url" >/dev/null; fi
  generated=$(($(date +%s) - t0))
  echo "bench/stats: $backend — $orders orders generated in $generated s" >&2
  from=$(date -u -d "@$(((now_ms - span_ms) / 1000 - 86400))" +%F); to=$(date -u -d "@$((now_ms / 1000 + 86400))" +%F)
  t0=$(date +%s%N)
  ZHICHONG_DATABASE_URL="$url" ZHICHONG_LOG_LEVEL=warn "$root/$build/zhichong" stats rebuild --from "$from" --to "$to" >&2
  rebuild_s=$(( ($(date +%s%N) - t0) / 1000000 ))
  start_server "$url" ZHICHONG_YKC_ENABLED=false
  result=$(node bench/stats/measure.mjs "http://127.0.0.1:$http_port" "$password" "$setup" "$requests")
  results+=("\"$backend\": {\"rebuild_ms\": $rebuild_s, \"rebuild_from\": \"$from\", \"rebuild_to\": \"$to\", \"measured\": $result}")
  stop_server
  drop_database
done

mkdir -p bench/results
{
  echo "{\"bench\":\"stats\",\"date\":\"$(date -u +%FT%TZ)\",\"orders\":$orders,\"stations\":$((2 * stations)),"
  echo " \"requests_per_scenario\":$requests,\"load_at_start\":\"$load_start\",\"goal_dashboard_p95_ms\":50,"
  echo " \"goal_month_report_ms\":100,"
  (IFS=,; echo " ${results[*]}}")
} | python3 -m json.tool > bench/results/stats.json
cat bench/results/stats.json
