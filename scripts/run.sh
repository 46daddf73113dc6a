#!/usr/bin/env bash
# `make run`: installs what is missing, builds the optimised server and the web UI, migrates,
# loads demonstration data into var/atbalsts.db (a no-op when it is already there) and serves
# http://localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh release
db=${ATBALSTS_DATABASE:-sqlite:var/atbalsts.db}
port=${ATBALSTS_PORT:-8080}
build/release/atbalsts migrate --database "$db"
build/release/atbalsts demo --database "$db"
cat <<MSG

  Atbalsts is starting on http://localhost:$port  (database: $db)

  Log in as one of the demonstration users, all with the password  Demo-Atbalsts-2026
    admin (administrator), auditor (data-protection officer), direktore (director),
    ilze (supervisor, families), karlis (supervisor, adults), anna and janis (social workers),
    laura and zane (benefit officers).
  Every staff user needs a second factor: at the first login the page shows a QR code for an
  authenticator app (or, on this machine: oathtool --totp -b SECRET).
  Stop with Ctrl+C.

MSG
exec build/release/atbalsts serve --port "$port" --database "$db" --web web/dist
