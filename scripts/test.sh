#!/usr/bin/env bash
# `make test`: builds (release + ASan/UBSan), runs every suite, prints "N passed, N failed".
#   unit (sanitized) · integration on SQLite (sanitized binary) · integration on PostgreSQL ·
#   OCPP conformance (ocpp-rpc strict mode, sanitized binary) · e2e (Chromium)
# Set ZHICHONG_TEST_ONLY="unit integration-sqlite …" to run a subset.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
logs=$(mktemp -d /tmp/zhichong-test.XXXXXX)
only=${ZHICHONG_TEST_ONLY:-"unit fuzz fuzz-ocpp integration-sqlite integration-postgres conformance e2e"}
passed=0; failed=0; suites_failed=()

count_node() {  # node --test output (tap or spec reporter) → "pass fail"
  local p f
  p=$(grep -E '^(# |ℹ )pass [0-9]+' "$1" | tail -n1 | grep -oE '[0-9]+$'); f=$(grep -E '^(# |ℹ )fail [0-9]+' "$1" | tail -n1 | grep -oE '[0-9]+$')
  echo "${p:-0} ${f:-0}"
}
add() {  # suite pass fail rc
  local suite=$1 p=$2 f=$3 rc=$4
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi  # a crashed suite counts as a failure
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" = 0 ] || suites_failed+=("$suite")
  printf '== %-22s %4d passed, %d failed  (log: %s)\n' "$suite" "$p" "$f" "$logs/$suite.log"
}
wants() { [[ " $only " == *" $1 "* ]]; }

echo "== building release"
scripts/build.sh build/release Release || { echo "0 passed, 1 failed"; exit 1; }
scripts/build-web.sh || { echo "0 passed, 1 failed"; exit 1; }
echo "== building ASan+UBSan"
scripts/build.sh build/asan RelWithDebInfo -DZC_SANITIZE=ON || { echo "0 passed, 1 failed"; exit 1; }
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

if wants unit; then
  (cd build/asan && ctest --output-on-failure) >"$logs/unit.log" 2>&1; rc=$?
  total=$(grep -oE 'out of [0-9]+' "$logs/unit.log" | tail -n1 | grep -oE '[0-9]+'); bad=$(grep -oE '[0-9]+ tests failed' "$logs/unit.log" | grep -oE '^[0-9]+')
  add unit $(( ${total:-0} - ${bad:-0} )) "${bad:-0}" $rc
fi
if wants fuzz; then
  # A short libFuzzer run of the YKC stream/message decoders; a crash fails the suite.
  scripts/fuzz-ykc.sh "${ZHICHONG_FUZZ_SECONDS:-30}" >"$logs/fuzz.log" 2>&1; rc=$?
  tail -n1 "$logs/fuzz.log"
  if [ $rc = 0 ]; then add fuzz 1 0 0; else add fuzz 0 1 $rc; fi
fi
if wants fuzz-ocpp; then
  # A short libFuzzer run of the OCPP frame parser, schema validator and converters; a crash fails it.
  scripts/fuzz-ocpp.sh "${ZHICHONG_FUZZ_OCPP_SECONDS:-20}" >"$logs/fuzz-ocpp.log" 2>&1; rc=$?
  tail -n1 "$logs/fuzz-ocpp.log"
  if [ $rc = 0 ]; then add fuzz-ocpp 1 0 0; else add fuzz-ocpp 0 1 $rc; fi
fi
if wants integration-sqlite; then
  ZHICHONG_BIN=build/asan/zhichong ZHICHONG_TEST_REPORTER=tap tests/integration/run.sh sqlite >"$logs/integration-sqlite.log" 2>&1; rc=$?
  add integration-sqlite $(count_node "$logs/integration-sqlite.log") $rc
fi
if wants integration-postgres; then
  ZHICHONG_BIN=build/release/zhichong ZHICHONG_TEST_REPORTER=tap tests/integration/run.sh postgres >"$logs/integration-postgres.log" 2>&1; rc=$?
  add integration-postgres $(count_node "$logs/integration-postgres.log") $rc
fi
if wants conformance; then
  ZHICHONG_BIN=build/asan/zhichong ZHICHONG_TEST_REPORTER=tap tests/conformance/run.sh >"$logs/conformance.log" 2>&1; rc=$?
  add conformance $(count_node "$logs/conformance.log") $rc
fi
if wants e2e; then
  ZHICHONG_BIN=build/release/zhichong scripts/e2e.sh >"$logs/e2e.log" 2>&1; rc=$?
  add e2e $(count_node "$logs/e2e.log") $rc
fi

for s in "${suites_failed[@]}"; do echo "---- last lines of $s:"; tail -n 60 "$logs/$s.log"; done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
