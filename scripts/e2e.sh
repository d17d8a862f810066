#!/usr/bin/env bash
# Runs the Playwright e2e suite (tests/e2e) in headless Chromium against a fresh server on SQLite
# that serves the built admin web; the device test connects simulated chargers (zhichong-sim next to
# the server binary; member.test.mjs a simulated YKC pile on the server's YKC port). Env: ZHICHONG_BIN (default build/release/zhichong), ZHICHONG_SIM, ZHICHONG_E2E_FILES
# (default: admin car bike device order member stat layout driver parking invoice; e.g. "device.test.mjs"). testing.enabled (test clock) and
# sms.dev_endpoint (driver sign-in) are on: order.test.mjs creates a real order through the app API.
# ocpp.message_log_bytes is 64 KiB (default 4 KiB): device.test.mjs looks for the pile's BootNotification in
# its message log minutes after boot, and at the default budget MeterValues every 2 s push it out sooner on a
# slow machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=${ZHICHONG_BIN:-build/release/zhichong}
sim=${ZHICHONG_SIM:-$(dirname "$bin")/zhichong-sim}
[ -f web/admin/dist/index.html ] || { echo "admin web not built (scripts/build-web.sh)" >&2; exit 2; }
work=$(mktemp -d /tmp/zc-e2e.XXXXXX)
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=$(free_port); ykc_port=$(free_port)
(cd "$work" && ZHICHONG_HTTP_PORT=$port ZHICHONG_DATABASE_URL="sqlite:$work/zc.db" \
  ZHICHONG_AUTH_INITIAL_ADMIN_PASSWORD=Admin12345 ZHICHONG_HTTP_WEB_ROOT="$root/web/admin/dist" ZHICHONG_HTTP_DRIVER_WEB_ROOT="$root/web/driver/dist" \
  ZHICHONG_OCPP_ACCEPT_ANY_ID_TAG=true ZHICHONG_YKC_PORT=$ykc_port ZHICHONG_OCPP_MESSAGE_LOG_BYTES=65536 \
  ZHICHONG_TESTING_ENABLED=true ZHICHONG_SMS_DEV_ENDPOINT=true ZHICHONG_PAYMENT_SANDBOX_REFUND_DELAY_MS=300 ZHICHONG_LOG_LEVEL=warn exec "$root/$bin" serve >"$work/server.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
cd tests/e2e
files=${ZHICHONG_E2E_FILES:-admin.test.mjs car.test.mjs bike.test.mjs device.test.mjs camera.test.mjs order.test.mjs member.test.mjs stat.test.mjs split.test.mjs layout.test.mjs driver.test.mjs parking.test.mjs invoice.test.mjs}
# layout.test.mjs measures the list pages with the rows the other files created: it runs after them
first=() last=()
for f in $files; do if [ "$f" = layout.test.mjs ]; then last+=("$f"); else first+=("$f"); fi; done
run() {
  [ $# -gt 0 ] || return 0
  ZHICHONG_URL="http://127.0.0.1:$port" ZHICHONG_ADMIN_PASSWORD=Admin12345 ZHICHONG_SIM="$root/$sim" ZHICHONG_YKC_PORT=$ykc_port \
    node --test --test-concurrency=1 --test-force-exit --test-reporter=tap "$@"
}
rc=0
run "${first[@]}" || rc=1
run "${last[@]}" || rc=1
exit $rc
