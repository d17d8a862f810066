#!/usr/bin/env bash
# `make run`: starts the platform on SQLite in ./data with the built admin web and the demo data set
# (`zhichong serve --demo`), then simulated devices for the demo stations (zhichong-sim): 3 OCPP car
# piles, 3 YKC car piles (when the simulator and the server's YKC listener are there) and 2 OCPP e-bike
# devices, 2 parking cameras over 4 spots with ground locks. The simulators stop when the server stops. The codes are those of src/app/demo_stations.cpp; the
# cards they swipe are those of src/app/demo_members.cpp (valid ones and refused ones: unknown, disabled,
# insufficient balance).
set -euo pipefail
build=${1:-build/release}
cd "$(dirname "$0")/.."
mkdir -p data
export ZHICHONG_HTTP_WEB_ROOT=${ZHICHONG_HTTP_WEB_ROOT:-web/admin/dist}
export ZHICHONG_DATABASE_URL=${ZHICHONG_DATABASE_URL:-sqlite:data/zhichong.db}
# the simulators' local sessions swipe the demo cards: unknown numbers are refused (ocpp.accept_any_id_tag off)
# driver sign-in codes readable at GET /app/dev/sms (demo only: the driver simulator signs in with them)
export ZHICHONG_SMS_DEV_ENDPOINT=${ZHICHONG_SMS_DEV_ENDPOINT:-true}
port=${ZHICHONG_HTTP_PORT:-8080}
# the YKC listener: ZHICHONG_YKC_* or the defaults `zhichong config` lists (empty: off or a random port)
ykc_default() { "${build}/zhichong" config 2>/dev/null | awk -v k="$1" '$2 == k { print $3 }'; }
ykc_enabled=${ZHICHONG_YKC_ENABLED:-$(ykc_default ykc.enabled)}
ykc_port=${ZHICHONG_YKC_PORT:-$(ykc_default ykc.port)}
{ [ "$ykc_enabled" = true ] && [ "${ykc_port:-0}" != 0 ]; } || ykc_port=""
sim="${build}/zhichong-sim"

fresh=0
case $ZHICHONG_DATABASE_URL in sqlite:*) [ -f "${ZHICHONG_DATABASE_URL#sqlite:}" ] || fresh=1 ;; esac
echo
echo "  zhichong admin web:  http://127.0.0.1:${port}/"
echo "  driver H5 app:       http://127.0.0.1:${port}/h5/   (phone sign-in; the demo code fills itself in)"
if [ $fresh = 1 ]; then
  echo "  admin login:         admin / (password printed below, once)"
else
  echo "  admin login:         admin / the password printed at first start"
  echo "                       (forgot it? ${build}/zhichong user reset-password --username admin)"
fi
echo "  stop with Ctrl-C"
echo

sims=()
stop_all() {
  for p in "${sims[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${sims[@]}"; do wait "$p" 2>/dev/null || true; done
}
"${build}/zhichong" serve --demo &
server=$!
# background jobs of a script ignore SIGINT: Ctrl-C reaches the server as SIGTERM (graceful stop)
trap 'kill -TERM $server 2>/dev/null || true' INT TERM
trap stop_all EXIT

up=0
for _ in $(seq 300); do
  if curl -sf "http://127.0.0.1:${port}/health" >/dev/null 2>&1; then up=1; break; fi
  kill -0 $server 2>/dev/null || break
  sleep 0.2
done

if [ $up = 1 ] && [ -x "$sim" ]; then
  # Slow, realistic timings: heartbeat 30 s (YKC: 10 s, as the protocol wants), a session a few minutes
  # after boot and again a few minutes after each one ends, meter values every 15 s while charging.
  start_sim() {  # log-name description args…
    local log="data/sim-$1.log" what=$2; shift 2
    "$sim" "$@" >"$log" 2>&1 &
    sims+=($!)
    printf '  simulator %-6s %s  (log %s)\n' "$!" "$what" "$log"
  }
  echo
  echo "  Simulated devices (zhichong-sim; they stop with the server):"
  ws="ws://127.0.0.1:${port}/ocpp"
  # demo cards: physical numbers for the YKC piles, printed numbers (idTags) for the OCPP ones, each simulator its
  # own valid cards (a card is never on two guns: a shared one would often be refused as busy) and refused ones —
  # 00000000DEADBEEF / 100000000099 unknown, …D7 / …005 no balance, …D8 / …006 disabled. In turn: pile i swipes
  # entries i, i + piles, … of its list.
  start_sim ocpp-car "3 OCPP 1.6J car piles 88000000000001-03, 2 guns each, card idTags → ${ws}" \
    ocpp --url "$ws" --codes 88000000000001,88000000000002,88000000000003 --connectors 2 \
    --heartbeat 30 --meter-interval 15 --charge-after 90 --charge-duration 240 --power 60 --ramp 3 \
    --id-tags 100000000003,100000000008,100000000009,100000000099,100000000006,100000000005
  if [ -n "$ykc_port" ] && "$sim" ykc --help >/dev/null 2>&1; then
    start_sim ykc-dc "2 YKC DC car piles 88000000000011-12, 2 guns each → 127.0.0.1:${ykc_port}" \
      ykc --host 127.0.0.1 --port "$ykc_port" --codes 88000000000011,88000000000012 --guns 2 --type dc \
      --realtime-interval 15 --card-start-after 120 --card-every 420 --cards 00000000A1B2C3D4,00000000A1B2C3D6,00000000DEADBEEF,00000000A1B2C3D8 \
      --charge-duration 300 --power 90
    start_sim ykc-ac "1 YKC AC car pile 88000000000013, 2 guns → 127.0.0.1:${ykc_port}" \
      ykc --host 127.0.0.1 --port "$ykc_port" --codes 88000000000013 --guns 2 --type ac \
      --realtime-interval 15 --card-start-after 150 --card-every 420 --cards 00000000A1B2C3D9,00000000A1B2C3D7 \
      --charge-duration 300 --power 7
  else
    echo "  (no YKC simulator, or the YKC listener is off or on a random port: the 3 YKC demo piles stay offline)"
  fi
  start_sim ocpp-bike "2 OCPP 1.6J e-bike devices 880000000001-02, 10 sockets each → ${ws}" \
    ocpp --url "$ws" --codes 880000000001,880000000002 --connectors 10 \
    --heartbeat 30 --meter-interval 15 --charge-after 60 --charge-duration 300 --power 0.3 --ramp 3 \
    --id-tags 100000000002,100000000010,100000000099,100000000006
  if "$sim" camera --help >/dev/null 2>&1; then
    # the demo cameras of src/app/demo_cameras.cpp (serial, fixed demo secret) over the 4 spots of B区
    printf 'SIM-CAM-000001 demoCameraSecret00000001\nSIM-CAM-000002 demoCameraSecret00000002\n' >data/sim-cameras.txt
    start_sim camera "2 parking cameras SIM-CAM-000001-02 over 4 spots with locks: cars come and go → /camera/vzenith" \
      camera --url "http://127.0.0.1:${port}" --cameras data/sim-cameras.txt --poll 2000 --event 45000 \
      --image-kib 60 --whitelist 粤A88888,粤AD66666 --reserved 粤BD20260 --offline-every 900 --offline-for 60
  fi
  if "$sim" drivers --help >/dev/null 2>&1; then
    start_sim drivers "3 drivers of the app API (phones 19900000001-03; -01/-02 have cards): scan, pay (sandbox) or start by card, charge 3 min, stop" \
      drivers --url "http://127.0.0.1:${port}" --phones 3 --type both --interval 120 --charge 180
  fi
  echo "  Online/offline log: 汇总统计 › 上下线记录; message log: 电桩管理 / 设备管理 › 更多 › 报文日志"
  echo
elif [ $up = 1 ]; then
  echo "  ($sim not built: no simulated devices; \`make build\` builds it)"
fi

status=0
while :; do
  if wait $server; then status=0; else status=$?; fi
  kill -0 $server 2>/dev/null || break  # wait was interrupted by the trap: the server is still stopping
done
exit $status
