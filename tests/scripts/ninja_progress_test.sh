#!/usr/bin/env bash
# scripts/ninja-progress.sh (issue 13 item 9): a long build shows its progress, a short or empty one is
# quiet, a failing step's output and ninja's exit status come through. Runs real ninja on generated
# build files (one `touch` per step). Registered in ctest (tests/unit/CMakeLists.txt).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d /tmp/zc-progress.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

gen() {  # dir steps [failing-step]
  mkdir -p "$1"
  { echo "rule touch"; echo "  command = touch \$out"
    echo "rule broken"; echo "  command = echo 'error: step exploded' && false"
    for i in $(seq "$2"); do
      if [ "$i" = "${3:-}" ]; then echo "build out$i: broken"; else echo "build out$i: touch"; fi
    done; } >"$1/build.ninja"
}

gen "$tmp/long" 40
out=$("$root/scripts/ninja-progress.sh" "$tmp/long" -j1) || fail "long build exited $?"
echo "$out" | grep -q "40 steps — the first build takes several minutes" || fail "no announcement: $out"
echo "$out" | grep -q "4/40 steps (10 %)" || fail "no 10 % line: $out"
echo "$out" | grep -q "40/40 steps (100 %)" || fail "no 100 % line: $out"
lines=$(echo "$out" | wc -l)
[ "$lines" -ge 11 ] && [ "$lines" -le 13 ] || fail "expected a line per 10 %, got $lines: $out"

out=$("$root/scripts/ninja-progress.sh" "$tmp/long") || fail "rebuild exited $?"
[ -z "$out" ] || fail "a build with nothing to do printed: $out"

gen "$tmp/short" 5
out=$("$root/scripts/ninja-progress.sh" "$tmp/short") || fail "short build exited $?"
[ -z "$out" ] || fail "an incremental-size build printed: $out"

gen "$tmp/broken" 30 3
out=$("$root/scripts/ninja-progress.sh" "$tmp/broken" -j1); rc=$?
[ "$rc" != 0 ] || fail "a failing build exited 0"
echo "$out" | grep -q "error: step exploded" || fail "the failing step's output is hidden: $out"
echo "ninja-progress: ok"
