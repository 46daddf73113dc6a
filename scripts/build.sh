#!/usr/bin/env bash
# Builds the server: `build.sh debug` (ASan+UBSan, tests) or `build.sh release` (optimised).
# Also builds the web UI into web/dist unless SKIP_WEB=1.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
jobs=$(nproc)
case "$kind" in
  debug)   flags=(-DCMAKE_BUILD_TYPE=Debug -DATBALSTS_SANITIZE=ON -DATBALSTS_TESTS=ON) ;;
  release) flags=(-DCMAKE_BUILD_TYPE=Release -DATBALSTS_TESTS=OFF -DATBALSTS_BENCH=ON) ;;
  *) echo "usage: build.sh debug|release" >&2; exit 2 ;;
esac
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
if [ ! -f "build/$kind/build.ninja" ]; then
  cmake -S . -B "build/$kind" -G Ninja "${flags[@]}" >/dev/null
fi
ninja -C "build/$kind" -j"$jobs" | grep -v '^\[' || true
test -x "build/$kind/atbalsts"
if [ "${SKIP_WEB:-0}" != 1 ] && [ -f web/package.json ]; then
  (cd web && npm run --silent build >/dev/null)
fi
