#!/usr/bin/env bash
# libFuzzer run of the YKC codec (stream decoder + message decoders) under ASan + UBSan.
# Usage: scripts/fuzz-ykc.sh [seconds]        (default 30)
# Needs clang++ with libFuzzer (Debian: clang, libclang-rt-14-dev). Builds into build/fuzz-ykc/, starts from
# the committed seeds in tests/fuzz/corpus/ykc/ (never modified; new inputs go to build/fuzz-ykc/corpus/).
# Last line of output:  "ykc-fuzz: ok <runs> runs in <s> s (<n> exec/s), corpus <files> files, cov <edges>"
#                  or:  "ykc-fuzz: CRASH (exit <rc>), reproducer: build/fuzz-ykc/crash-…"  and exit status ≠ 0.
set -euo pipefail
secs=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build/fuzz-ykc
bin=$out/ykc_stream_fuzz
mkdir -p "$out/corpus"
CXX=${FUZZ_CXX:-clang++}
command -v "$CXX" >/dev/null || { echo "ykc-fuzz: $CXX not found (apt-get install clang libclang-rt-14-dev)"; exit 2; }

srcs=("$root"/src/devices/ykc/*.cpp "$root/src/core/timezone.cpp" "$root/tests/fuzz/ykc_stream_fuzz.cpp")
# Rebuild when any source or header is newer than the binary.
if [ ! -x "$bin" ] || [ -n "$(find "$root/src/devices/ykc" "$root/src/core" "$root/src/domain/tariff" \
    "$root/tests/fuzz/ykc_stream_fuzz.cpp" "$0" -newer "$bin" -print -quit)" ]; then
  echo "ykc-fuzz: building $bin"
  "$CXX" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -fno-omit-frame-pointer -I"$root/src" -DUSE_OS_TZDB=1 -DONLY_C_LOCALE=1 -DHAS_STRING_VIEW=1 \
    "${srcs[@]}" -ldate-tz -lfmt -pthread -o "$bin.tmp"
  mv "$bin.tmp" "$bin"
fi

log=$out/last-run.log
set +e
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
  "$bin" -max_total_time="$secs" -max_len=1024 -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$out/" "$out/corpus" "$root/tests/fuzz/corpus/ykc" >"$log" 2>&1
rc=$?
set -e
if [ $rc -ne 0 ]; then
  tail -n 40 "$log"
  art=$(ls -t "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-* 2>/dev/null | head -n1 || true)
  echo "ykc-fuzz: CRASH (exit $rc), reproducer: ${art:-see $log}"
  exit 1
fi
runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
eps=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n1 | grep -oE '[0-9]+' || echo 0)
files=$(find "$out/corpus" "$root/tests/fuzz/corpus/ykc" -type f | wc -l)
echo "ykc-fuzz: ok $runs runs in $secs s ($eps exec/s), corpus $files files, cov $cov"
