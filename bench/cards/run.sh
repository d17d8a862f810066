#!/usr/bin/env bash
# bench/cards: PILES simulated YKC piles (default 1,000, one gun each) swipe PILES cards at the same moment, each
# pile its own card (README.md says how to read it). Per backend (BACKENDS="sqlite postgres"; PostgreSQL is a
# throwaway cluster of scripts/pg-temp.sh on loopback):
#   - 0x31 → 0x32 latency at the pile, p50/p95/p99/max (goal p99 ≤ 50 ms);
#   - the sessions charge CHARGE_S seconds, end at the pile and settle; then the balance checks: no card below
#     zero, every card's balance = its ledger account = face value − what its orders charged, and the books
#     (GET /order/payment/reconciliation) balanced.
# Writes bench/results/cards.json.
#
#   bench/cards/run.sh [BUILD_DIR]
#   env: PILES (1000) BACKENDS ("sqlite postgres") CHARGE_S (20) FACE_VALUE (10000 fen)
#
# Rows: provider, property, station, tariff, piles, the card product and the cards are created through the admin
# API (swipes.mjs); the cards are issued by the property's account, as the spec wants.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
piles=${PILES:-1000}; backends=${BACKENDS:-sqlite postgres}; charge_s=${CHARGE_S:-20}; face=${FACE_VALUE:-10000}
for tool in sqlite3 psql node python3 curl; do
  command -v $tool >/dev/null || { echo "bench/cards: $tool missing" >&2; exit 2; }
done
ninja -C "$build" zhichong zhichong-sim >/dev/null
root=$PWD
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d /tmp/zc-bench-cards.XXXXXX)
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

start_server() {  # database URL
  http_port=$(free_port); ykc_port=$(free_port)
  (cd "$work" && ZHICHONG_HTTP_HOST=127.0.0.1 ZHICHONG_HTTP_PORT=$http_port ZHICHONG_DATABASE_URL="$1" \
    ZHICHONG_YKC_HOST=127.0.0.1 ZHICHONG_YKC_PORT=$ykc_port ZHICHONG_TESTING_ENABLED=true \
    ZHICHONG_AUTH_INITIAL_ADMIN_PASSWORD=$password ZHICHONG_HTTP_WEB_ROOT= ZHICHONG_LOG_LEVEL=warn \
    ZHICHONG_LOG_ACCESS_LOG=false \
    exec "$root/$build/zhichong" serve >>"$work/server.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$http_port/health" >/dev/null && return 0; sleep 0.1; done
  echo "bench/cards: server did not start:" >&2; tail -20 "$work/server.log" >&2; exit 1
}
stop_server() { kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""; }

# The balance checks (same SQL on both backends): cards below zero; cards whose balance is not their ledger
# account; cards whose balance is not face value − what their card orders charged.
checks_sql() {
  cat <<SQL
SELECT count(*) FROM member_card WHERE balance < 0;
SELECT count(*) FROM member_card mc WHERE mc.balance <> COALESCE((SELECT SUM(l.amount) FROM ledger_entry l
  WHERE l.card_id = mc.id AND l.account = 'card:' || CAST(mc.id AS TEXT)), 0);
SELECT count(*) FROM member_card mc WHERE mc.balance <> $face - COALESCE((SELECT SUM(o.charged) FROM car_charge_order o
  WHERE o.start_method = 'card' AND o.card_no IN (mc.card_no, mc.physical_no)), 0);
SELECT COALESCE(SUM($face - balance), 0) FROM member_card;
SQL
}

results=()
for backend in $backends; do
  echo "bench/cards: $backend — $piles piles" >&2
  if [ "$backend" = sqlite ]; then url="sqlite:$work/zc.db"; query() { sqlite3 "$work/zc.db"; }
  else pgdir=$(mktemp -d /tmp/zc-bench-cards-pg.XXXXXX); url=$(scripts/pg-temp.sh start "$pgdir"); query() { psql -qtA "$url"; }; fi
  start_server "$url"
  result=$(node bench/cards/swipes.mjs "http://127.0.0.1:$http_port" "$password" "$ykc_port" \
    "$root/$build/zhichong-sim" "$piles" "$charge_s" "$face")
  mapfile -t checks < <(checks_sql | query)
  stop_server
  results+=("\"$backend\": $(python3 - "$result" "${checks[@]}" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
below, ledger, orders, spent = (int(x) for x in sys.argv[2:6])
r.update(cards_below_zero=below, cards_balance_not_ledger=ledger, cards_balance_not_orders=orders,
         balance_errors=below + ledger + orders, spent_fen=spent)
print(json.dumps(r))
PY
)")
  if [ -n "$pgdir" ]; then scripts/pg-temp.sh stop "$pgdir" >/dev/null; pgdir=""; fi
  rm -f "$work"/zc.db*
done

mkdir -p bench/results
{
  echo "{\"bench\":\"cards\",\"date\":\"$(date -u +%FT%TZ)\",\"piles\":$piles,\"charge_s\":$charge_s,\"goal_p99_ms\":50,"
  echo " \"load_at_start\":\"$load_start\",\"load_at_end\":\"$(cut -d' ' -f1-3 /proc/loadavg)\","
  (IFS=,; echo " ${results[*]}}")
} | python3 -m json.tool > bench/results/cards.json
cat bench/results/cards.json
