#!/usr/bin/env bash
# Installs what zhichong needs from Debian (apt) and npm. Idempotent and quiet when all is present.
# Usage: scripts/install-deps.sh [build|test|run]   (test adds PostgreSQL, Chromium, wrk)
set -euo pipefail
mode=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)

apt_pkgs=(g++ cmake ninja-build ccache pkg-config make
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libsodium-dev libssl-dev
  libtoml11-dev libcli11-dev libspdlog-dev libfmt-dev libgtest-dev
  libqrencode-dev libpng-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev libjpeg-dev fonts-noto-cjk
  libhowardhinnant-date-dev tzdata)
# Node.js may come from elsewhere (its own npm); only ask Debian when the commands are missing.
command -v node >/dev/null && command -v npm >/dev/null || apt_pkgs+=(nodejs npm)
if [ "$mode" = test ]; then
  apt_pkgs+=(postgresql chromium wrk clang-format zbar-tools poppler-utils unzip clang libclang-rt-14-dev liburing-dev)  # clang: libFuzzer (scripts/fuzz-ykc.sh); liburing: bench/ocpp floor
fi

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing from Debian: ${missing[*]}"
  echo "  (a first run installs packages and builds everything: several minutes — progress follows)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  # One line per 10 % of the packages set up (with their dependencies), so a long install is not silent.
  total=$($SUDO apt-get install -s --no-install-recommends "${missing[@]}" 2>/dev/null | grep -c '^Inst ' || true)
  if ! $SUDO apt-get install -y -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}" 2>&1 |
    awk -v total="${total:-0}" -v last=0 '
      /^Setting up / { n++; if (!total) next; step = int(n * 10 / total)
                       if (step > last) { printf "  Debian packages: %d/%d set up (%d %%)\n", n, total, int(n * 100 / total); last = step; fflush() } }
      /^E: / { print; fflush() }'; then
    echo "apt-get install failed" >&2; exit 1
  fi
fi

# npm packages of the admin web, the driver H5 app (and the test tools) — only when the lock changed.
npm_install() {
  local dir=$1
  [ -f "$dir/package.json" ] || return 0
  local stamp="$dir/node_modules/.install-stamp"
  local lock="$dir/package-lock.json"; [ -f "$lock" ] || lock="$dir/package.json"
  if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
    echo "installing npm packages in ${dir#$here/} (a minute or two the first time)"
    # `npm install --no-save` follows the lock file; `npm ci` refuses lock files that lack other
    # platforms' optional packages (as npm writes them here).
    (cd "$dir" && npm install --no-audit --no-fund --no-save --loglevel=error) >/dev/null
    touch "$stamp"
  fi
}
npm_install "$here/web/admin"
npm_install "$here/web/driver"
[ "$mode" = test ] && npm_install "$here/tests/e2e"
[ "$mode" = test ] && npm_install "$here/tests/conformance"  # ocpp-rpc (strict OCPP 1.6 client)
exit 0
