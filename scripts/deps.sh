#!/usr/bin/env bash
# Installs the Debian packages Atbalsts needs (only the missing ones) and the web UI's npm
# packages. Safe to run again: it does nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config
  librestinio-dev libasio-dev libhttp-parser-dev libfmt-dev libspdlog-dev nlohmann-json3-dev
  libcli11-dev libtomlplusplus-dev libsqlite3-dev libpq-dev libsodium-dev
  liboath-dev libqrencode-dev john-data libicu-dev libxlsxwriter-dev libhpdf-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql sqlite3 curl chromium chromium-driver fonts-dejavu-core poppler-utils unzip
)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f web/package.json ]; then
  stamp=web/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ web/package-lock.json -nt "$stamp" ]; then
    echo "Installing npm packages for the web UI"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
