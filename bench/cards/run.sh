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
bench_name=cards
# The work folder, cleanup, free_port and start_server of the other benches.
# shellcheck source=bench/orders/lib.sh
source bench/orders/lib.sh
start_ykc_server() {  # database URL: the server with its YKC listener on $ykc_port and the test routes
  ykc_port=$(free_port)
  start_server "$1" ZHICHONG_YKC_HOST=127.0.0.1 ZHICHONG_YKC_PORT="$ykc_port" ZHICHONG_TESTING_ENABLED=true
}

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
  new_database "$backend"
  if [ "$backend" = sqlite ]; then query() { sqlite3 "$work/zc.db"; }; else query() { psql -qtA "$url"; }; fi
  start_ykc_server "$url"
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
