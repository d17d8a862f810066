#!/usr/bin/env bash
# OCPP 1.6J conformance suite: npm ocpp-rpc RPCClient (strictMode) against a real `zhichong serve`.
#   tests/conformance/run.sh [node --test args / files]      (ZHICHONG_BIN as for tests/integration)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
[ -d "$here/node_modules/ocpp-rpc" ] || { echo "ocpp-rpc missing: scripts/install-deps.sh test" >&2; exit 2; }
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(tests/conformance/*.test.mjs)
exec node --test --test-concurrency="${ZHICHONG_TEST_CONCURRENCY:-2}" \
  --test-reporter="${ZHICHONG_TEST_REPORTER:-spec}" "${files[@]}"
