#!/usr/bin/env bash
# bench/ykc: the YKC gateway under load, with zhichong-sim ykc as the piles (README.md says how to read it).
#   (a) PILES simultaneous piles (default 19,000, GUNS guns each) with a heartbeat per gun every 10 s:
#       server RSS per pile above idle (VmRSS before / after) and the server's CPU share of one core
#       over HOLD seconds.
#   (b) closed-loop real-time data: CONNS piles each pipelining WINDOW 0x13 frames, then a heartbeat (0x03)
#       whose answer (0x04) closes the window; frames/s and the window round trip (p50/p99).
#   The server runs on core 0 (taskset -c 0), the simulator on core 1. Writes bench/results/ykc.json.
#
#   bench/ykc/run.sh [BUILD_DIR]
#   env: PILES (19000) GUNS (2) RAMP (30 s) HOLD (30 s) CONNS (32) WINDOW (64) LOOP_S (15) WARMUP (3);
#   ZHICHONG_* variables pass through to the server (e.g. ZHICHONG_OCPP_MESSAGE_LOG_SIZE=0) and are recorded.
#
# Pile rows: one pile is created through the admin API (bench/ykc/setup.mjs); the other PILES−1 are
# clones of its car_pile / car_gun rows written with the sqlite3 CLI while the server is stopped (the
# platform has no bulk import). Only for this benchmark; the rows are what the API would have written. The
# tariff's version is made effective at once (the API makes it effective at the next local midnight).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
piles=${PILES:-19000}; guns=${GUNS:-2}; ramp=${RAMP:-30}; hold=${HOLD:-30}
conns=${CONNS:-32}; window=${WINDOW:-64}; loop_s=${LOOP_S:-15}; warmup=${WARMUP:-3}
for tool in sqlite3 taskset node python3 curl; do
  command -v $tool >/dev/null || { echo "bench/ykc: $tool missing" >&2; exit 2; }
done
ninja -C "$build" zhichong zhichong-sim >/dev/null
root=$PWD
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d /tmp/zc-bench-ykc.XXXXXX)
server_pid=""; sim_pid=""
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
http_port=$(free_port); ykc_port=$(free_port)
password=Bench12345
prefix=77  # pile codes 77000000000001 …
first_code=$(printf '%s%012d' $prefix 1)

start_server() {
  (cd "$work" && ZHICHONG_HTTP_HOST=127.0.0.1 ZHICHONG_HTTP_PORT=$http_port ZHICHONG_HTTP_THREADS=1 \
    ZHICHONG_YKC_HOST=127.0.0.1 ZHICHONG_YKC_PORT=$ykc_port ZHICHONG_YKC_THREADS=1 \
    ZHICHONG_DATABASE_URL="sqlite:$work/zc.db" ZHICHONG_AUTH_INITIAL_ADMIN_PASSWORD=$password \
    ZHICHONG_HTTP_WEB_ROOT= ZHICHONG_LOG_LEVEL=warn ZHICHONG_LOG_ACCESS_LOG=false \
    exec taskset -c 0 "$root/$build/zhichong" serve >>"$work/server.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$http_port/health" >/dev/null && return 0; sleep 0.1; done
  echo "bench/ykc: server did not start:" >&2; tail -20 "$work/server.log" >&2; exit 1
}
stop_server() { kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
last_json() { grep '^{' "$1" | tail -1; }
field() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(eval('d'+sys.argv[2]))" "$1" "$2"; }
# exec: $! is the simulator itself, so the TERM below reaches it
sim() { exec taskset -c 1 "$root/$build/zhichong-sim" ykc --host 127.0.0.1 --port "$ykc_port" --prefix $prefix \
  --guns "$guns" --quiet --threads 1 "$@"; }

# ---- rows ----------------------------------------------------------------------------------------------
start_server
setup=$(node bench/ykc/setup.mjs "http://127.0.0.1:$http_port" "$password" "$first_code" "$guns")
template=$(field "$setup" "['pileId']")
stop_server
sqlite3 "$work/zc.db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < $piles)
INSERT INTO car_pile (station_id, area_id, provider_id, property_id, code, factory_no, name, model, version,
  gun_count, sim, operation_type, occupancy_fee, reservable, output_current, output_power, output_voltage,
  current_type, charging_type, speed, install_method, protection_class, comm_method, protocol, status,
  created_by, created_at)
SELECT t.station_id, t.area_id, t.provider_id, t.property_id, printf('%s%012d', '$prefix', n.i), 'BENCH' || n.i,
  'bench ' || n.i, t.model, t.version, t.gun_count, t.sim, t.operation_type, t.occupancy_fee, t.reservable,
  t.output_current, t.output_power, t.output_voltage, t.current_type, t.charging_type, t.speed, t.install_method,
  t.protection_class, t.comm_method, t.protocol, t.status, 'bench', t.created_at
FROM n, car_pile t WHERE t.id = $template;
INSERT INTO car_gun (pile_id, station_id, area_id, provider_id, property_id, gun_no, code, name, state, status,
  created_by, created_at)
SELECT p.id, p.station_id, p.area_id, p.provider_id, p.property_id, g.gun_no, p.code || printf('%02d', g.gun_no),
  g.name, g.state, g.status, 'bench', p.created_at
FROM car_pile p JOIN car_gun g ON g.pile_id = $template WHERE p.created_by = 'bench';
-- A new tariff version takes effect at the next local midnight; the piles should get their model now.
UPDATE car_tariff_version SET effective_from = 0;
COMMIT;
SQL
echo "bench/ykc: $(sqlite3 "$work/zc.db" "SELECT count(*) FROM car_pile WHERE code LIKE '$prefix%'") piles," \
  "$(sqlite3 "$work/zc.db" "SELECT count(*) FROM car_gun WHERE code LIKE '$prefix%'") guns" >&2

# ---- (a) PILES piles, heartbeats every 10 s --------------------------------------------------------------
start_server
sleep 3
rss0=$(rss_kib "$server_pid")
(sim --devices "$piles" --heartbeat 10 --idle-interval 300 --ramp "$ramp" --stats 2 \
  --duration $((ramp + hold + 120)) >"$work/sim-a.out" 2>"$work/sim-a.err") &
sim_pid=$!
deadline=$((SECONDS + ramp + 90))
online=0
while [ $SECONDS -lt $deadline ]; do
  sleep 2
  line=$(last_json "$work/sim-a.out" || true)
  [ -n "$line" ] && online=$(field "$line" "['online']")
  [ "$online" -ge "$piles" ] && break
done
echo "bench/ykc: $online of $piles piles online" >&2
sleep 10  # first heartbeats of the last piles, login writes settled
t1=$(cpu_ticks "$server_pid"); s1=$SECONDS
sleep "$hold"
t2=$(cpu_ticks "$server_pid"); s2=$SECONDS
rss1=$(rss_kib "$server_pid")
sim_rss=$(rss_kib "$sim_pid")
stats_a=$(last_json "$work/sim-a.out")
kill -TERM "$sim_pid"; wait "$sim_pid" || true; sim_pid=""
summary_a=$(last_json "$work/sim-a.out")
hz=$(getconf CLK_TCK)

# ---- (b) closed-loop real-time data ---------------------------------------------------------------------
sleep 5
(sim --devices "$conns" --bench-window "$window" --warmup "$warmup" --duration "$loop_s" \
  >"$work/sim-b.out" 2>"$work/sim-b.err") &
sim_pid=$!
sleep "$warmup"
u1=$(cpu_ticks "$server_pid"); w1=$(cpu_ticks "$sim_pid"); v1=$SECONDS
sleep $((loop_s - warmup - 1))
u2=$(cpu_ticks "$server_pid"); w2=$(cpu_ticks "$sim_pid"); v2=$SECONDS
wait "$sim_pid" || true; sim_pid=""
summary_b=$(last_json "$work/sim-b.out")
stop_server

mkdir -p bench/results
python3 - "$summary_a" "$stats_a" "$summary_b" <<PY
import json, sys
a, a_hold, b = (json.loads(x) for x in sys.argv[1:4])
piles, rss0, rss1 = $piles, $rss0, $rss1
bench = b.get("bench", {})
out = {
  "bench": "ykc", "date": "$(date -u +%FT%TZ)", "load_avg_at_start": "$load_start",
  "load_avg_at_end": "$(cut -d' ' -f1-3 /proc/loadavg)",
  "server_core": 0, "sim_core": 1, "server_env_overrides": "$(env | grep '^ZHICHONG_' | sort | tr '\n' ' ' || true)",
  "piles": {
    "piles": piles, "guns": $guns, "heartbeat_s": 10, "online": a_hold["online"],
    "logins_ok": a["loginsOk"], "heartbeats": a["heartbeats"], "heartbeat_answers": a["heartbeatAnswers"],
    "rss_idle_kib": rss0, "rss_loaded_kib": rss1,
    "bytes_per_pile": round((rss1 - rss0) * 1024 / piles),
    "goal_bytes_per_pile": 4096,
    "sim_rss_kib": $sim_rss,
    "cpu_window_s": $s2 - $s1,
    "cpu_share_one_core": round(($t2 - $t1) / $hz / max(1, $s2 - $s1), 4),
  },
  "realtime_closed_loop": {
    "connections": $conns, "window": $window, "measured_s": round(bench.get("measuredS", 0), 2),
    "frames_per_s": round(bench.get("framesPerS", 0)), "realtime_frames_per_s": round(bench.get("realtimeFramesPerS", 0)),
    "window_rtt_mean_ms": round(bench.get("rttMeanMs", 0), 3), "window_rtt_p50_ms": round(bench.get("rttP50Ms", 0), 3),
    "window_rtt_p99_ms": round(bench.get("rttP99Ms", 0), 3), "timeouts": bench.get("timeouts", 0),
    "server_cpu_share_one_core": round(($u2 - $u1) / $hz / max(1, $v2 - $v1), 4),
    "sim_cpu_share_one_core": round(($w2 - $w1) / $hz / max(1, $v2 - $v1), 4),
    "goal_frames_per_s": 200000,
  },
}
json.dump(out, open("bench/results/ykc.json", "w"), ensure_ascii=False, indent=1)
print(json.dumps(out, ensure_ascii=False, indent=1))
PY
