#!/usr/bin/env bash
# libFuzzer run of the OCPP 1.6J WebSocket framer, frame parser, schema validator and message converters under
# ASan + UBSan.
# Usage: scripts/fuzz-ocpp.sh [seconds]        (default 20; docs/ocpp.md "Fuzzing" for the long run)
# Needs clang++ with libFuzzer (Debian: clang, libclang-rt-14-dev). Builds into build/fuzz-ocpp/, starts
# from the committed seeds in tests/fuzz/corpus/ocpp/ (never modified; new inputs go to
# build/fuzz-ocpp/corpus/). Extra arguments after the seconds go to libFuzzer (e.g. -jobs=2).
# Last line of output:  "ocpp-fuzz: ok <runs> runs in <s> s (<n> exec/s), corpus <files> files, cov <edges>"
#                  or:  "ocpp-fuzz: CRASH (exit <rc>), reproducer: build/fuzz-ocpp/crash-…"  and exit status ≠ 0.
set -euo pipefail
secs=${1:-20}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build/fuzz-ocpp
bin=$out/ocpp_frame_fuzz
mkdir -p "$out/corpus"
CXX=${FUZZ_CXX:-clang++}
command -v "$CXX" >/dev/null || { echo "ocpp-fuzz: $CXX not found (apt-get install clang libclang-rt-14-dev)"; exit 2; }

srcs=("$root"/src/devices/ocpp16/{frame,messages,schema,schemas,ws_framer}.cpp "$root/tests/fuzz/ocpp_frame_fuzz.cpp")
# Rebuild when any source or header is newer than the binary.
if [ ! -x "$bin" ] || [ -n "$(find "$root/src/devices/ocpp16" "$root/tests/fuzz/ocpp_frame_fuzz.cpp" "$0" \
    -newer "$bin" -print -quit)" ]; then
  echo "ocpp-fuzz: building $bin"
  "$CXX" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -fno-omit-frame-pointer -I"$root/src" -DBOOST_JSON_NO_LIB -DBOOST_CONTAINER_NO_LIB \
    "${srcs[@]}" -pthread -o "$bin.tmp"
  mv "$bin.tmp" "$bin"
fi

log=$out/last-run.log
set +e
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
  "$bin" -max_total_time="$secs" -max_len=2048 -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$out/" "$@" "$out/corpus" "$root/tests/fuzz/corpus/ocpp" >"$log" 2>&1
rc=$?
set -e
if [ $rc -ne 0 ]; then
  tail -n 40 "$log"
  art=$(ls -t "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-* 2>/dev/null | head -n1 || true)
  echo "ocpp-fuzz: CRASH (exit $rc), reproducer: ${art:-see $log}"
  exit 1
fi
runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n1 || echo 0)
eps=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n1 || echo 0)
cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n1 | grep -oE '[0-9]+' || echo 0)
files=$(find "$out/corpus" "$root/tests/fuzz/corpus/ocpp" -type f | wc -l)
echo "ocpp-fuzz: ok $runs runs in $secs s ($eps exec/s), corpus $files files, cov $cov"
