#!/usr/bin/env bash
# bench/orders: the admin order list and export over ORDERS generated car orders (default 1,000,000), on
# SQLite and on PostgreSQL (README.md says how to read it).
#   (a) list: REQUESTS sequential GET /order/car/list per scenario (default window, station, state, phone,
#       time range, deep page, a property admin's scoped view), varied parameters; p50/p95/p99 per scenario.
#       Goal: p95 ≤ 50 ms on both backends.
#   (b) export: the car order export of ~EXPORT_ROWS rows (default 100,000): server RSS growth above the
#       RSS before the export (sampled every 20 ms). Goal: ≤ 100 MiB.
#   (c) starts: STARTS drivers (default 1,000) start sessions at the same moment through the app API on as many
#       simulated YKC piles (bench/orders/starts.mjs): from the payment confirmation to the pile receiving the
#       start command, p50/p95/p99 (SQLite; STARTS_BACKEND=postgres for PostgreSQL).
# Writes bench/results/orders.json.
#
#   bench/orders/run.sh [BUILD_DIR]
#   env: PHASES ("list starts") BACKENDS ("sqlite postgres") STARTS (1000) STARTS_BACKEND (sqlite) STARTS_HOLD_S (0) ORDERS (1000000) REQUESTS (100) EXPORT_ROWS (100000) STATIONS (5 per
#        property, 2 properties) PILES (10 per station, 2 guns each)
#
# Rows: provider, properties, stations, tariffs and piles are created through the admin API
# (bench/orders/setup.mjs). The orders are generated in SQL (sqlite3 / psql) — orders only come from drivers'
# sessions, and a million sessions would take days; the generated rows are what the order service writes
# (the same columns, states, money that adds up: charged + refunded = prepaid). Only for this benchmark.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
backends=${BACKENDS:-sqlite postgres}
orders=${ORDERS:-1000000}; requests=${REQUESTS:-100}; export_rows=${EXPORT_ROWS:-100000}
stations=${STATIONS:-5}; piles=${PILES:-10}
for tool in sqlite3 psql node python3 curl; do
  command -v $tool >/dev/null || { echo "bench/orders: $tool missing" >&2; exit 2; }
done
phases=${PHASES:-list starts}; starts=${STARTS:-1000}; starts_backend=${STARTS_BACKEND:-sqlite}
ninja -C "$build" zhichong zhichong-sim >/dev/null
bench_name=orders
# shellcheck source=bench/orders/lib.sh
source bench/orders/lib.sh
span_ms=$((${SPAN_DAYS:-180} * 86400 * 1000))  # the orders spread evenly over the last SPAN_DAYS days
now_ms=$(($(date +%s) * 1000))

results=()
[[ " $phases " == *" list "* ]] || backends=""
for backend in $backends; do
  echo "bench/orders: $backend — setting up" >&2
  new_database "$backend"
  start_server "$url" ZHICHONG_YKC_ENABLED=false
  setup=$(node bench/orders/setup.mjs "http://127.0.0.1:$http_port" "$password" "$stations" "$piles")
  stop_server
  t0=$(date +%s)
  if [ "$backend" = sqlite ]; then orders_sql sqlite | sqlite3 "$work/zc.db" >/dev/null
  else orders_sql postgres | psql -q -v ON_ERROR_STOP=1 "$url" >/dev/null; fi
  echo "bench/orders: $backend — $orders orders generated in $(($(date +%s) - t0)) s" >&2
  start_server "$url" ZHICHONG_YKC_ENABLED=false
  result=$(node bench/orders/measure.mjs "http://127.0.0.1:$http_port" "$password" "$setup" "$server_pid" \
    "$requests" "$export_rows" "$orders" "$span_ms" "$now_ms")
  results+=("\"$backend\": $result")
  stop_server
  drop_database
done
if [[ " $phases " == *" starts "* ]]; then
  echo "bench/orders: starts — $starts drivers on $starts_backend" >&2
  new_database "$starts_backend"
  ykc_port=$(free_port)
  start_server "$url" ZHICHONG_TESTING_ENABLED=true ZHICHONG_SMS_DEV_ENDPOINT=true ZHICHONG_SMS_IP_HOURLY_LIMIT=0 ZHICHONG_HTTP_PUBLIC_RATE_PER_S=0 \
    ZHICHONG_YKC_HOST=127.0.0.1 \
    ZHICHONG_YKC_PORT=$ykc_port
  result=$(node bench/orders/starts.mjs "http://127.0.0.1:$http_port" "$password" "$ykc_port" \
    "$root/$build/zhichong-sim" "$starts" "$server_pid")
  results+=("\"starts_$starts_backend\": $result")
  stop_server
  drop_database
fi

mkdir -p bench/results
{
  echo "{\"bench\":\"orders\",\"date\":\"$(date -u +%FT%TZ)\",\"orders\":$orders,\"requests_per_scenario\":$requests,"
  echo " \"load_at_start\":\"$load_start\",\"goal_p95_ms\":50,\"goal_export_rss_growth_mib\":100,"
  (IFS=,; echo " ${results[*]}}")
} | python3 -m json.tool > bench/results/orders.json
cat bench/results/orders.json
