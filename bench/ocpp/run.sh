#!/usr/bin/env bash
# bench/ocpp: zhichong's OCPP 1.6J endpoint beside a peer on npm ocpp-rpc (RPCServer, strictMode), same
# workload, same run, server on core 0 and zhichong-sim (load generator) on core 1. README.md explains.
#   bench/ocpp/run.sh [BUILD_DIR]          (default build/release; needs zhichong + zhichong-sim)
# Env: CONNECTIONS (19000), LOOP_CONNECTIONS (1000), LOOP_SECONDS (20), FLEET_DEVICES (19000),
#      FLEET_SECONDS (300), PHASES ("connections throughput fleet floor"), SERVERS ("zhichong peer").
# Phase floor: bench/ocpp/floor.cpp, a do-nothing epoll server and client with the throughput phase's
# message sizes — the most a one-core server with one recv and one send per message can carry here.
# Writes bench/results/ocpp.json (and prints it).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=${1:-build/release}
bin=$root/$build/zhichong
sim=$root/$build/zhichong-sim
conns=${CONNECTIONS:-19000}
loop_conns=${LOOP_CONNECTIONS:-1000}
loop_s=${LOOP_SECONDS:-20}
fleet=${FLEET_DEVICES:-19000}
fleet_s=${FLEET_SECONDS:-300}
phases=${PHASES:-"connections throughput fleet floor"}
servers=${SERVERS:-"zhichong peer"}
[ -x "$bin" ] && [ -x "$sim" ] || { echo "build $build/zhichong and zhichong-sim first (ninja -C $build zhichong zhichong-sim)" >&2; exit 2; }
peer_dir=$root/bench/ocpp/peer
if [ ! -d "$peer_dir/node_modules/ocpp-rpc" ]; then
  # The conformance suite installs the same ocpp-rpc version (scripts/install-deps.sh test).
  if [ -d "$root/tests/conformance/node_modules/ocpp-rpc" ]; then
    ln -sfn ../../../tests/conformance/node_modules "$peer_dir/node_modules"
  else
    echo "ocpp-rpc missing: scripts/install-deps.sh test" >&2; exit 2
  fi
fi
ulimit -n "$(ulimit -Hn)"  # 19,000 sockets: each process raises its soft limit to the hard one
prefix=BENCH; width=9       # charge point ids BENCH000000001 … (14 characters, like pile codes)
max=$(( conns > fleet ? conns : fleet )); max=$(( max > loop_conns ? max : loop_conns ))
work=$(mktemp -d /tmp/zc-bench-ocpp.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
load() { cut -d' ' -f1-3 /proc/loadavg; }

# A database with $max OCPP car piles (one gun each) for zhichong: migrations, then plain SQL.
db=$work/zc.db
ZHICHONG_DATABASE_URL="sqlite:$db" "$bin" migrate >/dev/null
now=$(date +%s000)
sqlite3 "$db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $max)
INSERT INTO car_pile (station_id, area_id, provider_id, property_id, code, factory_no, name, gun_count, protocol,
  created_at) SELECT 1, 1, 1, 1, printf('$prefix%0${width}d', i), printf('BF%012d', i), 'bench ' || i, 1, 'ocpp16', $now FROM n;
INSERT INTO car_gun (pile_id, station_id, area_id, provider_id, property_id, gun_no, code, name, created_at)
  SELECT id, 1, 1, 1, 1, 1, code || '01', 'gun 1', $now FROM car_pile;
SQL
cp "$db" "$work/seed.db"

server_pid=
start_server() {  # name → sets server_pid, port
  port=$(free_port)
  if [ "$1" = zhichong ]; then
    cp "$work/seed.db" "$db"; rm -f "$db-wal" "$db-shm"
    (cd "$work" && exec taskset -c 0 env ZHICHONG_HTTP_HOST=127.0.0.1 ZHICHONG_HTTP_PORT="$port" ZHICHONG_HTTP_THREADS=1 \
      ZHICHONG_DATABASE_URL="sqlite:$db" ZHICHONG_AUTH_INITIAL_ADMIN_PASSWORD=Bench12345 ZHICHONG_HTTP_WEB_ROOT= \
      ZHICHONG_YKC_PORT=0 ZHICHONG_LOG_LEVEL=warn ZHICHONG_OCPP_ACCEPT_ANY_ID_TAG=true "$bin" serve \
      >"$work/server.log" 2>&1) &
  else
    (exec taskset -c 0 node "$peer_dir/server.mjs" --port "$port" --prefix "$prefix" --width "$width" \
      --devices "$max" >"$work/server.log" 2>&1) &
  fi
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 1 200); do
    if [ "$1" = zhichong ]; then curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    else grep -q '^listening' "$work/server.log" 2>/dev/null && break; fi
    sleep 0.1
  done
  sleep 1
}
stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}
run_sim() {  # args… → the summary JSON line on stdout (per-interval stats in $work/sim.log)
  taskset -c 1 "$sim" ocpp --url "ws://127.0.0.1:$port/ocpp" --prefix "$prefix" --width "$width" --connectors 1 \
    --quiet --threads 1 "$@" >"$work/sim.out" 2>"$work/sim.err" || { cat "$work/sim.err" >&2; return 1; }
  tail -n1 "$work/sim.out"
}

results=$work/results.jsonl
: >"$results"
emit() { echo "$1" | tee -a "$results" >&2; }

for server in $servers; do
  # (a) connections: all booted, heartbeats every 10 s; RSS above idle per connection.
  if [[ " $phases " == *" connections "* ]]; then
    start_server "$server"
    idle=$(rss_kib "$server_pid")
    ramp=$(( conns / 1000 + 5 ))   # ~1,000 new connections per second
    hold=40
    run_sim --devices "$conns" --heartbeat 10 --ramp "$ramp" --duration $(( ramp + hold )) --stats 5 >"$work/a.json" &
    simpid=$!
    sleep $(( ramp + hold - 10 ))
    peak=$(rss_kib "$server_pid")
    wait $simpid
    stop_server
    emit "{\"server\":\"$server\",\"phase\":\"connections\",\"connections\":$conns,\"idleRssKiB\":$idle,\"rssKiB\":$peak,\"kibPerConnection\":$(python3 -c "print(round(($peak-$idle)/$conns,2))"),\"load\":\"$(load)\",\"sim\":$(cat "$work/a.json")}"
  fi
  # (b) throughput: closed-loop MeterValues (with a transaction) from $loop_conns connections.
  if [[ " $phases " == *" throughput "* ]]; then
    start_server "$server"
    t0=$(cpu_ticks "$server_pid")
    run_sim --devices "$loop_conns" --bench --ramp 2 --warmup 5 --duration $(( loop_s + 5 )) --heartbeat 300 >"$work/b.json"
    t1=$(cpu_ticks "$server_pid")
    stop_server
    emit "{\"server\":\"$server\",\"phase\":\"throughput\",\"connections\":$loop_conns,\"seconds\":$loop_s,\"serverCpuPct\":$(python3 -c "print(round(100*($t1-$t0)/$hz/($loop_s+5),1))"),\"load\":\"$(load)\",\"sim\":$(cat "$work/b.json")}"
  fi
  # (c) fleet: heartbeat 30 s, 30 % charging with MeterValues every 15 s.
  if [[ " $phases " == *" fleet "* ]]; then
    start_server "$server"
    ramp=$(( fleet / 1000 + 5 ))
    run_sim --devices "$fleet" --heartbeat 30 --charging-fraction 0.3 --charge-after 1 --charge-duration 100000 \
      --meter-interval 15 --ramp "$ramp" --duration $(( ramp + fleet_s )) --stats 10 >"$work/c.json" &
    simpid=$!
    sleep $(( ramp + 5 ))
    t0=$(cpu_ticks "$server_pid"); s0=$(date +%s.%N)
    rss_max=0
    while kill -0 $simpid 2>/dev/null; do
      r=$(rss_kib "$server_pid"); [ "$r" -gt "$rss_max" ] && rss_max=$r
      t1=$(cpu_ticks "$server_pid"); s1=$(date +%s.%N)
      sleep 5
    done
    wait $simpid
    stop_server
    emit "{\"server\":\"$server\",\"phase\":\"fleet\",\"devices\":$fleet,\"seconds\":$fleet_s,\"serverCpuPct\":$(python3 -c "print(round(100*($t1-$t0)/$hz/($s1-$s0),1))"),\"rssMaxKiB\":$rss_max,\"load\":\"$(load)\",\"sim\":$(cat "$work/c.json")}"
  fi
done

# (d) floor: the kernel alone. Request 300 bytes (a masked MeterValues CALL frame of zhichong-sim),
# reply 16 (its CALLRESULT frame).
if [[ " $phases " == *" floor "* ]]; then
  g++ -std=c++20 -O2 -o "$work/floor" "$root/bench/ocpp/floor.cpp"
  port=$(free_port)
  taskset -c 0 "$work/floor" server "$port" 300 16 &
  server_pid=$!; pids+=("$server_pid")
  sleep 0.5
  t0=$(cpu_ticks "$server_pid")
  taskset -c 1 "$work/floor" client "$port" "$loop_conns" "$loop_s" 300 16 >"$work/d.json"
  t1=$(cpu_ticks "$server_pid")
  kill "$server_pid"
  emit "{\"server\":\"floor\",\"phase\":\"throughput\",\"serverCpuPct\":$(python3 -c "print(round(100*($t1-$t0)/$hz/($loop_s+2),1))"),\"load\":\"$(load)\",\"sim\":$(cat "$work/d.json")}"
  # the same with io_uring (one submission for the sends and receives of all ready connections)
  g++ -std=c++20 -O2 -o "$work/floor_uring" "$root/bench/ocpp/floor_uring.cpp" -luring
  port=$(free_port)
  taskset -c 0 "$work/floor_uring" server "$port" "$loop_conns" 300 16 &
  server_pid=$!; pids+=("$server_pid")
  sleep 0.5
  taskset -c 1 "$work/floor_uring" client "$port" "$loop_conns" "$loop_s" 300 16 >"$work/e.json" &
  clientpid=$!
  sleep 1; t0=$(cpu_ticks "$server_pid")  # after the connections are accepted
  wait $clientpid
  t1=$(cpu_ticks "$server_pid")
  kill "$server_pid"
  emit "{\"server\":\"floor-io_uring\",\"phase\":\"throughput\",\"serverCpuPct\":$(python3 -c "print(round(100*($t1-$t0)/$hz/($loop_s+1),1))"),\"load\":\"$(load)\",\"sim\":$(cat "$work/e.json")}"
fi

mkdir -p bench/results
python3 - "$results" "$build" <<'PY' | tee bench/results/ocpp.json
import json, sys, datetime, os
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
out = {"bench": "ocpp", "date": datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"), "build": sys.argv[2],
       "cores": os.cpu_count(), "pinning": "server taskset -c 0, zhichong-sim taskset -c 1 (1 thread)",
       "peerImpl": "npm ocpp-rpc 2.2.1 RPCServer strictMode (bench/ocpp/peer/server.mjs), Node " + os.popen("node --version").read().strip()}
for r in rows:
    out.setdefault(r["server"], {})[r["phase"]] = r
z, p = out.get("zhichong", {}), out.get("peer", {})
if "connections" in z and "connections" in p:
    out["connectionsKiBPerConnection"] = {"zhichong": z["connections"]["kibPerConnection"], "peer": p["connections"]["kibPerConnection"], "goal": 8}
if "throughput" in z and "throughput" in p:
    zr, pr = z["throughput"]["sim"]["callsPerS"], p["throughput"]["sim"]["callsPerS"]
    out["throughputRatio"] = {"zhichong": round(zr), "peer": round(pr), "ratio": round(zr / pr, 2) if pr else None, "goal": 5,
                              "p99Ms": {"zhichong": z["throughput"]["sim"]["latencyP99Ms"], "peer": p["throughput"]["sim"]["latencyP99Ms"]}}
f = out.get("floor", {}).get("throughput")
if f and "throughputRatio" in out:
    # no server doing one recv and one send per message goes faster on this machine
    out["throughputRatio"]["floorMsgPerS"] = f["sim"]["msgPerSec"]
    out["throughputRatio"]["floorRatio"] = round(f["sim"]["msgPerSec"] / out["throughputRatio"]["peer"], 2)
u = out.get("floor-io_uring", {}).get("throughput")
if u and "throughputRatio" in out:
    out["throughputRatio"]["floorIoUringMsgPerS"] = u["sim"]["msgPerSec"]
print(json.dumps(out, indent=1))
PY
