#!/usr/bin/env bash
# `make test`: builds (release + ASan/UBSan), runs every suite, prints "N passed, N failed".
#   unit (sanitized) · fuzz (YKC decoders) · fuzz-ocpp (OCPP frames) · integration on SQLite (sanitized
#   binary) · integration on PostgreSQL · OCPP conformance (ocpp-rpc strict mode, sanitized binary) ·
#   e2e (Chromium)
# Set ZHICHONG_TEST_ONLY="unit integration-sqlite …" to run a subset.
#
# Schedule. The suites mostly wait on sockets and timers, the builds need the CPU (2 cores in CI), and
# every suite has its own servers, ports, databases and log — so they run beside the builds and beside
# each other:
#   1. release build (zhichong, zhichong-sim: all the suites use) ‖ admin web
#   2. ASan+UBSan build (zhichong, zc_unit_tests at -O1 -g1; niced, it yields the CPU to
#      the suites) ‖ integration-postgres ‖ e2e ‖ fuzz, then fuzz-ocpp   (release binary / own builds)
#   3. unit, then conformance ‖ integration-sqlite                      (sanitized binaries)
# The summary lines come in the fixed order below once every suite has ended.
set -uo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d /tmp/zhichong-test.XXXXXX)
all="unit fuzz fuzz-ocpp integration-sqlite integration-postgres conformance e2e"
only=${ZHICHONG_TEST_ONLY:-$all}
passed=0; failed=0; suites_failed=()
# The simulators are test tools, not the system under test: every suite drives them from the release build,
# so the sanitized build compiles only the server and the unit tests.
sim=build/release/zhichong-sim
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

count_node() {  # node --test output (tap or spec reporter) → "pass fail", summed over the runs in the log
  local p f                               # (scripts/e2e.sh runs layout.test.mjs as a second node run)
  p=$(grep -E '^(# |ℹ )pass [0-9]+' "$1" | grep -oE '[0-9]+$' | awk '{s+=$1} END{print s+0}')
  f=$(grep -E '^(# |ℹ )fail [0-9]+' "$1" | grep -oE '[0-9]+$' | awk '{s+=$1} END{print s+0}')
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

suite_unit() { (cd build/asan && ctest --output-on-failure -j"$(nproc)"); }
# Short libFuzzer runs (own clang builds in build/fuzz-*); a crash fails the suite.
suite_fuzz() { scripts/fuzz-ykc.sh "${ZHICHONG_FUZZ_SECONDS:-30}"; }
suite_fuzz-ocpp() { scripts/fuzz-ocpp.sh "${ZHICHONG_FUZZ_OCPP_SECONDS:-20}"; }
# 4 files at a time: in step 3 the CPU is free, and ykc-sim.test.mjs alone takes ~80 s of timers.
suite_integration-sqlite() { ZHICHONG_BIN=build/asan/zhichong ZHICHONG_SIM_BIN=$sim ZHICHONG_TEST_REPORTER=tap \
  ZHICHONG_TEST_CONCURRENCY=${ZHICHONG_TEST_CONCURRENCY:-4} tests/integration/run.sh sqlite; }
suite_integration-postgres() { ZHICHONG_BIN=build/release/zhichong ZHICHONG_TEST_REPORTER=tap tests/integration/run.sh postgres; }
suite_conformance() { ZHICHONG_BIN=build/asan/zhichong ZHICHONG_SIM_BIN=$sim ZHICHONG_TEST_REPORTER=tap tests/conformance/run.sh; }
suite_e2e() { ZHICHONG_BIN=build/release/zhichong scripts/e2e.sh; }

stamp() { echo "$1 $(date +%s)" >>"$logs/timing"; }  # when each step started/ended (epoch s)
run() {  # suite… — runs the wanted ones one after the other: output in $logs/S.log, exit status in $logs/S.rc
  local s
  for s in "$@"; do
    wants "$s" || continue
    stamp "$s-start"; "suite_$s" >"$logs/$s.log" 2>&1; echo $? >"$logs/$s.rc"; stamp "$s-end"
  done
}
report() {  # suite — its summary line from its log
  local s=$1 rc total bad
  wants "$s" || return 0
  rc=$(cat "$logs/$s.rc" 2>/dev/null || echo 1)
  case $s in
    unit)
      total=$(grep -oE 'out of [0-9]+' "$logs/unit.log" | tail -n1 | grep -oE '[0-9]+'); bad=$(grep -oE '[0-9]+ tests failed' "$logs/unit.log" | grep -oE '^[0-9]+')
      add unit $(( ${total:-0} - ${bad:-0} )) "${bad:-0}" "$rc" ;;
    fuzz|fuzz-ocpp)
      tail -n1 "$logs/$s.log"
      if [ "$rc" = 0 ]; then add "$s" 1 0 0; else add "$s" 0 1 "$rc"; fi ;;
    *) add "$s" $(count_node "$logs/$s.log") "$rc" ;;
  esac
}
build_failed() { wait; echo "0 passed, 1 failed"; exit 1; }  # lets suites already running end first

echo "== building release"
stamp build-release-start
scripts/build-web.sh >"$logs/build-web.log" 2>&1 &
web=$!
scripts/build.sh build/release Release zhichong zhichong-sim || build_failed
wait $web; rc=$?
cat "$logs/build-web.log"
[ $rc = 0 ] || build_failed
stamp build-release-end

run integration-postgres &
run e2e &
run fuzz fuzz-ocpp &
if wants unit || wants integration-sqlite || wants conformance; then
  echo "== building ASan+UBSan"
  stamp build-asan-start
  # -O1 -g1: ASan's recommended optimisation level, line tables for its stack traces; 47 % less compile
  # CPU than RelWithDebInfo's -O2 -g (six of the heaviest files: 87 → 47 s). NDEBUG as RelWithDebInfo.
  nice -n 10 scripts/build.sh build/asan RelWithDebInfo -DZC_SANITIZE=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" \
    zhichong zc_unit_tests || build_failed
  stamp build-asan-end
  run unit conformance &
  run integration-sqlite &
fi
wait

for s in $all; do report "$s"; done
# What failed, where a CI log that keeps only its tail still shows it: each failed test's name and
# error (node's TAP `not ok` blocks), else the suite's last lines.
for s in "${suites_failed[@]}"; do
  if grep -q '^not ok' "$logs/$s.log"; then
    echo "---- failed in $s:"; grep -A 12 '^not ok' "$logs/$s.log" | grep -v -E '^ +(duration_ms|code|failureType):' | head -n 120
  else
    echo "---- last lines of $s:"; tail -n 60 "$logs/$s.log"
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
