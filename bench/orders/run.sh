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
root=$PWD
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d /tmp/zc-bench-orders.XXXXXX)
server_pid=""; pgdir=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "$pgdir" ] && scripts/pg-temp.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
password=Bench12345
span_ms=$((180 * 86400 * 1000))  # the orders spread evenly over the last 180 days
now_ms=$(($(date +%s) * 1000))

start_server() {  # database URL [VAR=value …]
  http_port=$(free_port)
  local url=$1; shift
  (cd "$work" && export "$@" && ZHICHONG_HTTP_HOST=127.0.0.1 ZHICHONG_HTTP_PORT=$http_port ZHICHONG_DATABASE_URL="$url" \
    ZHICHONG_AUTH_INITIAL_ADMIN_PASSWORD=$password ZHICHONG_HTTP_WEB_ROOT= ZHICHONG_LOG_LEVEL=warn \
    ZHICHONG_LOG_ACCESS_LOG=false \
    exec "$root/$build/zhichong" serve >>"$work/server.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$http_port/health" >/dev/null && return 0; sleep 0.1; done
  echo "bench/orders: server did not start:" >&2; tail -20 "$work/server.log" >&2; exit 1
}
stop_server() { kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""; }

# The generated orders, one statement per dialect (SERIES = the numbers 1..ORDERS, PAD8 = 8 digits).
orders_sql() {  # dialect
  local series pad8 pad15 least
  if [ "$1" = sqlite ]; then
    series="WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $orders)"
    pad8() { echo "substr('00000000' || ($1), -8)"; }; pad15() { echo "substr('000000000000000' || ($1), -15)"; }
    least=min
    users_series() { echo "WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 199999) SELECT k FROM n"; }
  else
    series="WITH s(i) AS (SELECT generate_series(1, $orders)::bigint)"
    pad8() { echo "lpad(($1)::text, 8, '0')"; }; pad15() { echo "lpad(($1)::text, 15, '0')"; }
    least=least
    users_series() { echo "SELECT generate_series(0, 199999) AS k"; }
  fi
  cat <<SQL
CREATE TEMP TABLE bench_gun AS
  SELECT row_number() OVER (ORDER BY g.id) - 1 AS k, g.id AS gun_id, g.code AS gun_code, p.id AS pile_id,
         p.code AS pile_code, g.station_id, g.area_id, g.provider_id, g.property_id
  FROM car_gun g JOIN car_pile p ON p.id = g.pile_id;
CREATE UNIQUE INDEX bench_gun_k ON bench_gun(k);
INSERT INTO app_user (phone, nickname, status, created_at)
  SELECT '139' || $(pad8 "k"), '', 0, $now_ms FROM ($(users_series)) u;
$series,
o AS (
  SELECT i, (i * 7) % (SELECT count(*) FROM bench_gun) AS k,
         $now_ms - (i * $span_ms) / $orders AS created,
         CASE WHEN i % 3 = 0 THEN 10000 ELSE 5000 END AS prepaid,
         (i * 7919) % 600000 AS energy
  FROM s)
INSERT INTO car_charge_order (order_no, provider_id, property_id, station_id, area_id, pile_id, pile_code, gun_id,
  gun_code, user_id, phone, plate, card_no, start_method, state, end_reason, prepaid, energy, energy_fee, service_fee,
  charged, refunded, power_w, device_txn_no, created_at, start_at, end_at, updated_at)
SELECT 'B' || $(pad15 i), g.provider_id, g.property_id, g.station_id, g.area_id, g.pile_id, g.pile_code, g.gun_id,
  g.gun_code, (SELECT id FROM app_user WHERE phone = '139' || $(pad8 "(i * 7919) % 200000")),
  '139' || $(pad8 "(i * 7919) % 200000"), '粤B' || $(pad8 "i % 100000"),
  CASE WHEN i % 10 = 0 THEN $(pad8 "i % 5000") ELSE '' END,
  CASE WHEN i % 10 = 0 THEN 'card' WHEN i % 10 = 1 THEN 'vin' ELSE 'app' END,
  CASE WHEN i <= 50 THEN 'charging' WHEN i % 100 = 7 THEN 'abnormal' WHEN i % 500 = 9 THEN 'suspended'
       ELSE 'completed' END,
  CASE WHEN i % 100 = 7 THEN '启动失败' ELSE '充满自停' END,
  prepaid, energy, energy * 8 / 1000, energy * 4 / 1000,
  $least(prepaid, energy * 12 / 1000), prepaid - $least(prepaid, energy * 12 / 1000),
  60000, 'B' || i, created, created + 30000, created + 30000 + energy * 6, created + 30000 + energy * 6
FROM o JOIN bench_gun g ON g.k = o.k;
ANALYZE;
SQL
}

new_database() {  # backend → $url: an empty SQLite file or a fresh PostgreSQL cluster ($pgdir)
  if [ "$1" = sqlite ]; then rm -f "$work"/zc.db*; url="sqlite:$work/zc.db"
  else pgdir=$(mktemp -d /tmp/zc-bench-orders-pg.XXXXXX); url=$(scripts/pg-temp.sh start "$pgdir"); fi
}
drop_database() { if [ -n "$pgdir" ]; then scripts/pg-temp.sh stop "$pgdir" >/dev/null; pgdir=""; fi; rm -f "$work"/zc.db*; }

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
  start_server "$url" ZHICHONG_TESTING_ENABLED=true ZHICHONG_SMS_DEV_ENDPOINT=true ZHICHONG_SMS_IP_HOURLY_LIMIT=0 \
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
