#!/usr/bin/env bash
# scripts/build.sh DIR TYPE [extra cmake args] — configures once (Ninja, ccache) and builds.
set -euo pipefail
dir=$1; type=$2; shift 2
cd "$(dirname "$0")/.."
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
fi
ninja -C "$dir" --quiet 2>/dev/null || ninja -C "$dir"
