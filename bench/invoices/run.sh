#!/usr/bin/env bash
# bench/invoices: INVOICES completed orders (default 10,000) get an invoice each, all requested at once through
# POST /order/invoice (CONCURRENCY requests in flight). Per backend (BACKENDS="sqlite postgres"):
#   - how long the requests take (p50/p99: the HTTP workers only check and insert; the e-invoice service and the
#     PDF run on the invoice pool), and a GET /health probe's p99 while the pool works;
#   - the time until the sandbox has issued every invoice and every PDF is stored, i.e. PDFs rendered per second;
#   - the server's RSS (peak and at the end), the PDF size (sample).
# Writes bench/results/invoices.json.
#
#   bench/invoices/run.sh [BUILD_DIR]
#   env: INVOICES (10000) BACKENDS ("sqlite postgres") CONCURRENCY (32) WORKERS (invoice.worker_threads, 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
invoices=${INVOICES:-10000}; backends=${BACKENDS:-sqlite postgres}; concurrency=${CONCURRENCY:-32}; workers=${WORKERS:-2}
for tool in node python3 curl; do command -v $tool >/dev/null || { echo "bench/invoices: $tool missing" >&2; exit 2; }; done
ninja -C "$build" zhichong >/dev/null
bench_name=invoices
# shellcheck source=bench/orders/lib.sh
source bench/orders/lib.sh

results=()
for backend in $backends; do
  echo "bench/invoices: $backend — $invoices invoices" >&2
  new_database "$backend"
  start_server "$url" ZHICHONG_TESTING_ENABLED=true ZHICHONG_SMS_DEV_ENDPOINT=true ZHICHONG_INVOICE_WORKER_THREADS="$workers" \
    ZHICHONG_INVOICE_SANDBOX_DELAY_MS=100
  result=$(node bench/invoices/requests.mjs "http://127.0.0.1:$http_port" "$password" "$server_pid" "$invoices" \
    "$concurrency" "$work")
  stop_server
  echo "bench/invoices: $backend $result" >&2
  results+=("\"$backend\": $result")
  drop_database
  rm -rf "$work/data"  # the next backend counts only its own PDFs
done

mkdir -p bench/results
{
  echo "{\"bench\":\"invoices\",\"date\":\"$(date -u +%FT%TZ)\",\"invoices\":$invoices,\"concurrency\":$concurrency,"
  echo " \"worker_threads\":$workers,\"nproc\":$(nproc),\"load_at_start\":\"$load_start\",\"load_at_end\":\"$(cut -d' ' -f1-3 /proc/loadavg)\","
  (IFS=,; echo " ${results[*]}}")
} | python3 -m json.tool > bench/results/invoices.json
cat bench/results/invoices.json
