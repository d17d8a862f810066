#!/usr/bin/env bash
# scripts/build.sh DIR TYPE [cmake -D… args] [ninja targets] — configures (Ninja, ccache) and builds.
#   Arguments starting with "-" go to cmake, the others are the targets to build (default: all).
#   DIR is configured again when TYPE or the cmake arguments differ from the last configure (kept in
#   DIR/.zc-configure), so a changed flag in scripts/test.sh reaches an existing build dir.
#   A long build (the first) shows its progress every 10 % (scripts/ninja-progress.sh); a short one is quiet.
set -euo pipefail
dir=$1; type=$2; shift 2
cd "$(dirname "$0")/.."
cmake_args=(); targets=()
for a in "$@"; do
  case $a in -*) cmake_args+=("$a") ;; *) targets+=("$a") ;; esac
done
want="$type ${cmake_args[*]}"
if [ ! -f "$dir/build.ninja" ] || [ "$(cat "$dir/.zc-configure" 2>/dev/null)" != "$want" ]; then
  [ -f "$dir/build.ninja" ] || echo "  configuring $dir ($type)"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "${cmake_args[@]}" >/dev/null
  echo "$want" >"$dir/.zc-configure"
fi
scripts/ninja-progress.sh "$dir" "${targets[@]}"
