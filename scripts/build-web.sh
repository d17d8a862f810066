#!/usr/bin/env bash
# Builds the admin web (web/admin/dist) and the driver H5 app (web/driver/dist, served under /h5/), each
# only when its sources changed since its last build.
set -euo pipefail
cd "$(dirname "$0")/../web"
build_app() {  # dir label
  local dir=$1 label=$2
  [ -f "$dir/package.json" ] || return 0
  (
    cd "$dir"
    stamp=dist/.build-stamp
    if [ -f "$stamp" ] && [ -z "$(find src public index.html vite.config.* package.json -newer "$stamp" 2>/dev/null | head -n 1)" ]; then
      exit 0
    fi
    echo "building $label"
    log=/tmp/zhichong-web-build-$dir.log
    npm run build --silent >"$log" 2>&1 || { cat "$log"; exit 1; }
    touch "$stamp"
  )
}
build_app admin "admin web"
build_app driver "driver H5 app"
