#!/usr/bin/env bash
# Builds the admin web into web/admin/dist when its sources changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/../web/admin"
[ -f package.json ] || exit 0
stamp=dist/.build-stamp
if [ -f "$stamp" ] && [ -z "$(find src public index.html vite.config.* package.json -newer "$stamp" 2>/dev/null | head -n 1)" ]; then
  exit 0
fi
echo "building admin web"
npm run build --silent >/tmp/zhichong-web-build.log 2>&1 || { cat /tmp/zhichong-web-build.log; exit 1; }
touch "$stamp"
