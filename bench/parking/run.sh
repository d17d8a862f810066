#!/usr/bin/env bash
# bench/parking: CAMERAS simulated parking cameras (zhichong-sim camera, default 500) poll every POLL_MS (2 s)
# and push entering / leaving cars with IMAGE_KIB (100 KiB) photos for DURATION_S (60 s). Per backend
# (BACKENDS="sqlite postgres"):
#   - plate push → lock decision delivered (the push's round trip: the reply carries info ok/no), p50/p99/max
#     (goal p99 ≤ 200 ms), and the poll round trip;
#   - the server's CPU (user+sys over the run, % of one core) and RSS (peak, from /proc/PID/status VmHWM).
# Writes bench/results/parking.json.
#
#   bench/parking/run.sh [BUILD_DIR]
#   env: CAMERAS (500) POLL_MS (2000) EVENT_MS (20000: mean time between a spot's car events) IMAGE_KIB (100)
#        DURATION_S (60) THREADS (8) BACKENDS ("sqlite postgres")
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
cameras=${CAMERAS:-500}; poll_ms=${POLL_MS:-2000}; event_ms=${EVENT_MS:-20000}; image_kib=${IMAGE_KIB:-100}
duration=${DURATION_S:-60}; threads=${THREADS:-8}; backends=${BACKENDS:-sqlite postgres}
for tool in node python3 curl; do
  command -v $tool >/dev/null || { echo "bench/parking: $tool missing" >&2; exit 2; }
done
[ ! -f "$build/build.ninja" ] || ninja -C "$build" zhichong zhichong-sim >/dev/null
bench_name=parking
# shellcheck source=bench/orders/lib.sh
source bench/orders/lib.sh

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

results=()
for backend in $backends; do
  echo "bench/parking: $backend — $cameras cameras" >&2
  new_database "$backend"
  start_server "$url" ZHICHONG_APP_DATA_DIR="$work/data" ZHICHONG_CAMERA_BODY_LIMIT=$((image_kib * 4096)) ZHICHONG_YKC_PORT=0
  node bench/parking/setup.mjs "http://127.0.0.1:$http_port" "$password" "$cameras" >"$work/cameras.txt"
  pid=$(pgrep -P "$server_pid" zhichong || echo "$server_pid")
  t0=$(cpu_ticks "$pid"); s0=$(date +%s.%N)
  "$root/$build/zhichong-sim" camera --url "http://127.0.0.1:$http_port" --cameras "$work/cameras.txt" \
    --poll "$poll_ms" --event "$event_ms" --image-kib "$image_kib" --duration "$duration" --threads "$threads" \
    --quiet --stats "$work/sim.json" >/dev/null
  t1=$(cpu_ticks "$pid"); s1=$(date +%s.%N)
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  photos=$(du -sk "$work/data/captures" 2>/dev/null | cut -f1 || echo 0)
  stop_server
  results+=("\"$backend\": $(python3 - "$work/sim.json" "$t0" "$t1" "$s0" "$s1" "$rss" "$photos" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[1]))
t0, t1, s0, s1, rss, photos = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7] or 0)
hz = os.sysconf('SC_CLK_TCK')
r.update(server_cpu_pct=round(100.0 * (t1 - t0) / hz / (s1 - s0), 1), server_peak_rss_mib=round(rss / 1024, 1),
         photos_on_disk_mib=round(photos / 1024, 1))
print(json.dumps(r))
PY
)")
  drop_database; rm -rf "$work/data"
done

mkdir -p bench/results
{
  echo "{\"bench\":\"parking\",\"date\":\"$(date -u +%FT%TZ)\",\"cameras\":$cameras,\"poll_ms\":$poll_ms,\"event_ms\":$event_ms,"
  echo " \"image_kib\":$image_kib,\"duration_s\":$duration,\"goal_push_p99_ms\":200,"
  echo " \"load_at_start\":\"$load_start\",\"load_at_end\":\"$(cut -d' ' -f1-3 /proc/loadavg)\","
  (IFS=,; echo " ${results[*]}}")
} | python3 -m json.tool > bench/results/parking.json
cat bench/results/parking.json
