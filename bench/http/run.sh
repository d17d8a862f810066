#!/usr/bin/env bash
# bench/http: GET /getInfo with a valid token over 64 keep-alive connections (wrk, loopback), beside a
# bare Beast "hello" server with the same thread count as the ceiling. Writes bench/results/http.json.
#   bench/http/run.sh [BUILD_DIR]   env: DURATION (default 10s), CONNECTIONS (64), THREADS (server, 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
duration=${DURATION:-10s}; conns=${CONNECTIONS:-64}; threads=${THREADS:-2}
command -v wrk >/dev/null || { echo "wrk missing: scripts/install-deps.sh test" >&2; exit 2; }
ninja -C "$build" zhichong bench_hello_server >/dev/null
work=$(mktemp -d /tmp/zc-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

run_wrk() {  # url [header] → "rps p99_ms"
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t1 -c"$conns" -d"$duration" --latency -H "$2" "$1")
  else out=$(wrk -t1 -c"$conns" -d"$duration" --latency "$1"); fi
  echo "$out" >&2
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')
  echo "$rps $p99"
}

port=$(free_port)
(cd "$work" && ZHICHONG_HTTP_PORT=$port ZHICHONG_HTTP_THREADS=$threads ZHICHONG_DATABASE_URL="sqlite:$work/zc.db" \
  ZHICHONG_AUTH_INITIAL_ADMIN_PASSWORD=Bench12345 ZHICHONG_HTTP_WEB_ROOT= ZHICHONG_LOG_LEVEL=warn \
  ZHICHONG_LOG_ACCESS_LOG=false exec "$OLDPWD/$build/zhichong" serve >"$work/server.log" 2>&1) &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
token=$(curl -sf -XPOST "http://127.0.0.1:$port/login" -d '{"username":"admin","password":"Bench12345"}' |
  python3 -c 'import sys,json;print(json.load(sys.stdin)["data"]["token"])')
read -r z_rps z_p99 < <(run_wrk "http://127.0.0.1:$port/getInfo" "Authorization: Bearer $token")

hport=$(free_port)
"$build/bench_hello_server" "$hport" "$threads" & pids+=($!)
sleep 0.3
read -r h_rps h_p99 < <(run_wrk "http://127.0.0.1:$hport/")

mkdir -p bench/results
ratio=$(python3 -c "print(round($z_rps/$h_rps, 3))")
cat > bench/results/http.json <<JSON
{"bench":"http","date":"$(date -u +%FT%TZ)","connections":$conns,"duration":"$duration","server_threads":$threads,
 "getInfo":{"rps":$z_rps,"p99_ms":$z_p99},"beast_hello":{"rps":$h_rps,"p99_ms":$h_p99},"ratio":$ratio,"goal_ratio":0.5}
JSON
cat bench/results/http.json
