#!/usr/bin/env bash
# `make test`: installs what is missing, builds with ASan/UBSan, then runs
#   1. every C++ test on SQLite and on a real PostgreSQL server started here on loopback,
#   2. the crash-safety script (tests/crash/crash.sh, 3 kill -9 cycles) on each engine,
#   3. the browser tests (Playwright + Debian Chromium) against the real server, on SQLite and
#      on PostgreSQL.
# Ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
bash scripts/build.sh debug

work=$(mktemp -d /tmp/atbalsts-test.XXXXXX)
pgdir=$(mktemp -d /tmp/atbalsts-pg.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  bash scripts/pg.sh stop "$pgdir" || true
  rm -rf "$work" "$pgdir"
}
trap cleanup EXIT

# Everything the tests, the servers and Chromium put in the temporary folder goes under $work, which
# is removed at the end: repeated runs must not fill the disk.
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"

echo "== Starting PostgreSQL on loopback"
pg_url=$(bash scripts/pg.sh start "$pgdir")
export ATBALSTS_TEST_POSTGRES="$pg_url"

echo "== C++ tests (SQLite and PostgreSQL)"
cpp_status=0
ASAN_OPTIONS=detect_leaks=1 build/debug/atbalsts_tests --gtest_brief=1 \
  --gtest_output="json:$work/gtest.json" || cpp_status=$?
cpp_passed=$(grep -o '"tests": [0-9]*' "$work/gtest.json" | head -1 | grep -o '[0-9]*' || echo 0)
cpp_failed=$(grep -o '"failures": [0-9]*' "$work/gtest.json" | head -1 | grep -o '[0-9]*' || echo 0)
cpp_passed=$((cpp_passed - cpp_failed))

echo "== Crash safety: kill -9 during concurrent creates (tests/crash/crash.sh), SQLite and PostgreSQL"
crash_passed=0
crash_failed=0
crash_pg="${pg_url%/*}/atbalsts_crash"
psql "$pg_url" -qc "CREATE DATABASE atbalsts_crash" >/dev/null
for crash_db in "" "$crash_pg"; do
  if bash tests/crash/crash.sh --binary build/debug/atbalsts --cycles 3 ${crash_db:+--database "$crash_db"}; then
    crash_passed=$((crash_passed + 1))
  else
    crash_failed=$((crash_failed + 1))
  fi
done

# The browser suite against a real server on a fresh demo database: SQLite, then PostgreSQL.
web_passed=0
web_failed=0
run_browser() {
  local db=$1 label=$2
  echo "== Browser tests (Chromium) on $label"
  local port
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1)
  build/debug/atbalsts migrate --database "$db" >/dev/null
  build/debug/atbalsts demo --database "$db" >/dev/null
  ATBALSTS_ACCESS_LOG=off build/debug/atbalsts serve --port "$port" --database "$db" --web web/dist \
    >"$work/server-$label.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  local status=0
  (cd web && ATBALSTS_URL="http://127.0.0.1:$port" npm run --silent test:e2e) | tee "$work/web-$label.log" || status=$?
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  local p f
  p=$(grep -E '^# pass ' "$work/web-$label.log" | grep -o '[0-9]*' || echo 0)
  f=$(grep -E '^# fail ' "$work/web-$label.log" | grep -o '[0-9]*' || echo 0)
  [ "$status" -eq 0 ] || [ "$f" -gt 0 ] || f=1
  web_passed=$((web_passed + p))
  web_failed=$((web_failed + f))
}
if [ -f web/package.json ]; then
  run_browser "sqlite:$work/web.db" sqlite
  psql "$pg_url" -qc "CREATE DATABASE atbalsts_web" >/dev/null
  run_browser "${pg_url%/*}/atbalsts_web" postgresql
fi

passed=$((cpp_passed + crash_passed + web_passed))
failed=$((cpp_failed + crash_failed + web_failed))
[ "$cpp_status" -eq 0 ] || [ "$cpp_failed" -gt 0 ] || failed=$((failed + 1))
echo "C++: $cpp_passed passed, $cpp_failed failed; crash: $crash_passed passed, $crash_failed failed;" \
  "browser: $web_passed passed, $web_failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
