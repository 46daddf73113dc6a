#!/usr/bin/env bash
# `make bench`: optimised build, then the HTTP benchmark against nginx (bench/http.sh) and the
# identity benchmarks (bench/auth.sh: audited vs. unaudited reads, reads during 20 logins).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh release
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; }
bash bench/http.sh --binary build/release/atbalsts "$@"
bash bench/auth.sh --binary build/release/atbalsts "$@"
