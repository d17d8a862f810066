#!/usr/bin/env bash
# scripts/ninja-progress.sh DIR [targets…] — runs ninja in DIR and shows the build's progress when it is
# a long one: a line at every 10 % of its steps ("building build/release: 120/410 steps (29 %)") once a
# build has at least ZC_PROGRESS_MIN_STEPS steps (default 20: a first build, not an incremental one, so
# later runs stay quiet). Compiler errors and warnings pass through unchanged; the exit status is ninja's.
set -uo pipefail
dir=$1; shift
min=${ZC_PROGRESS_MIN_STEPS:-20}
NINJA_STATUS='[%f/%t] ' ninja -C "$dir" "$@" 2>&1 | awk -v dir="$dir" -v min="$min" '
  /^\[[0-9]+\/[0-9]+\] / {
    split(substr($1, 2, length($1) - 2), n, "/"); done = n[1] + 0; total = n[2] + 0
    if (total < min) next
    pct = int(done * 100 / total)
    step = int(done * 10 / total)  # the 10 % step this is in
    if (!shown) { printf "  building %s: %d steps — the first build takes several minutes\n", dir, total; shown = 1; last = -1 }
    if (step > last) { printf "  building %s: %d/%d steps (%d %%)\n", dir, done, total, pct; last = step; fflush() }
    next
  }
  /^ninja: (Entering directory|no work to do)/ || /^-- / { next }  # and CMake regenerating itself (-- GLOB mismatch!)
  { print; fflush() }'
exit "${PIPESTATUS[0]}"
