# Shared by bench/orders/run.sh and bench/stats/run.sh (sourced, from the repository root): the work folder
# (removed at exit with the server and database), a server on a free port, a fresh database, and the
# generated car orders. Expects: bench_name build, and before orders_sql is used: orders span_ms now_ms; sets
# root work password server_pid http_port url pgdir.
root=$PWD
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d "/tmp/zc-bench-$bench_name.XXXXXX")
server_pid=""; pgdir=""
password=Bench12345
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "$pgdir" ] && scripts/pg-temp.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

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

