#!/usr/bin/env bash
# `make run`: starts the platform on SQLite in ./data with the built admin web.
set -euo pipefail
build=${1:-build/release}
cd "$(dirname "$0")/.."
mkdir -p data
export ZHICHONG_HTTP_WEB_ROOT=${ZHICHONG_HTTP_WEB_ROOT:-web/admin/dist}
export ZHICHONG_DATABASE_URL=${ZHICHONG_DATABASE_URL:-sqlite:data/zhichong.db}
port=${ZHICHONG_HTTP_PORT:-8080}
fresh=0; [ -f data/zhichong.db ] || fresh=1
echo
echo "  zhichong admin web:  http://127.0.0.1:${port}/"
if [ $fresh = 1 ]; then
  echo "  admin login:         admin / (password printed below, once)"
else
  echo "  admin login:         admin / the password printed at first start"
  echo "                       (forgot it? ${build}/zhichong user reset-password --username admin)"
fi
echo "  stop with Ctrl-C"
echo
exec "${build}/zhichong" serve --demo
