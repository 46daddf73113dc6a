#!/usr/bin/env bash
# bench/statutory.sh — the statutory reports (issue 8, Cabinet Regulation 324/2017): the annual
# report on social services and social assistance ≤ 1 s on national data on SQLite.
#   0. the data: a fresh database made with `atbalsts demo --persons P --cases C` (timed), or an
#      already generated one (--database; e.g. made by `atbalsts demo --scale national`);
#   A. GET /api/v1/reports/statutory/annual-social-services?period=LAST_YEAR (JSON);
#   B. the same as the XLSX download (format=xlsx);
#   C. GET /api/v1/reports/statutory/monthly-social-assistance?period=LAST_MONTH (JSON);
#   D. GET /api/v1/reports/statutory (the dashboard's list with due dates).
# Each is asked --requests times one after another after --warmup requests, timing each with
# curl; the report gives p50, p99 and the slowest. Every request is audited as in use.
#
# Usage (from the repo root):
#   bash bench/statutory.sh [--binary build/release/atbalsts] [--engine sqlite|postgresql]
#                           [--database URL] [--persons 2000000] [--cases 300000]
#                           [--requests 20] [--warmup 2] [--user direktore] [--no-record]
#
#   --database     benchmark an already generated database (sqlite:PATH or postgresql://…); it
#                  gets an API token for --user and the audit entries of the reads, nothing else.
#   --user         the director of the database's municipality (default the demo's `direktore`)
#   --no-record    print the results but do not touch bench/BENCHMARKS.md
#
# Exit status is non-zero if anything fails to start or any request does not answer 200. A FAIL
# against the budget is reported but does not change the exit status. Needs curl, sqlite3 or psql
# (installs missing ones with apt-get).
set -euo pipefail

BENCH_SCRIPT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
# shellcheck source=bench/lib.sh
. "$(dirname "$BENCH_SCRIPT")/lib.sh"
cd "$(dirname "$BENCH_SCRIPT")/.."

BINARY=""
ENGINE=sqlite
DATABASE=""
PERSONS=2000000
CASES=300000
REQUESTS=20
WARMUP=2
USER_NAME=direktore
RECORD=1
SERVER_THREADS=16
BUDGET_MS=1000
MD=bench/BENCHMARKS.md

director_bench statutory "$@"
N_PAYMENTS=$(sql "$DB" "SELECT COUNT(*) FROM assistance_payment")
log "data: $N_PERSONS persons, $N_CASES cases, $N_INTAKES intakes, $N_REFERRALS referrals, $N_DECISIONS assistance decisions, $N_PAYMENTS payments, $DB_SIZE MiB"
TOKEN=$("$BINARY" token create --user "$USER_NAME" --database "$DB" --name bench 2>>"$T/setup.log") || die "token create for $USER_NAME failed"

YEAR=$(( $(date -u +%Y) - 1 ))
MONTH=$(date -u -d "$(date -u +%Y-%m-01) -1 day" +%Y-%m)

start_server
measure annual "/api/v1/reports/statutory/annual-social-services?period=$YEAR"
measure annual_xlsx "/api/v1/reports/statutory/annual-social-services?period=$YEAR&format=xlsx"
measure monthly "/api/v1/reports/statutory/monthly-social-assistance?period=$MONTH"
measure list "/api/v1/reports/statutory"
stop_pid "$SERVER_PID"
SERVER_PID=""

# ---------------------------------------------------------------- report
verdict() { awk -v v="$1" -v b="$2" 'BEGIN { print (v + 0 <= b + 0 ? "PASS" : "FAIL") }'; }
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(fmt "${Q50[$2]}" 1)" "$(fmt "${Q99[$2]}" 1)" "$(fmt "${QMAX[$2]}" 1)" "${QBYTES[$2]}" "$(verdict "${Q99[$2]}" $BUDGET_MS)"; }
TABLE=$(
    echo "| request | p50 ms | p99 ms | slowest ms | bytes | p99 ≤ ${BUDGET_MS} ms |"
    echo "|---|---:|---:|---:|---:|---|"
    row "A. annual report $YEAR \`GET /api/v1/reports/statutory/annual-social-services\`" annual
    row "B. the same as XLSX" annual_xlsx
    row "C. monthly report $MONTH" monthly
    row "D. the dashboard's list \`GET /api/v1/reports/statutory\`" list
)
echo
echo "$TABLE"

record() {
    local section=$T/section.md name="statutory-$ENGINE"
    {
        echo "## Statutory reports on $ENGINE: the annual report"
        echo
        echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "- Machine: $(machine_line "curl, the server and the database")"
        echo "- Server binary: $(describe_binary "$BINARY"); \`serve --threads $SERVER_THREADS\`, access log on, every request audited"
        echo "- Dataset: $N_PERSONS persons, $N_CASES cases, $N_INTAKES intakes, $N_REFERRALS referrals, $N_DECISIONS assistance decisions, $N_PAYMENTS payments ($DB_SIZE MiB)$([ -z "$DATABASE" ] && echo ", made by \`atbalsts demo --persons $PERSONS --cases $CASES\` in $GEN_SECONDS s")"
        [ "$ENGINE" = postgresql ] && echo "- PostgreSQL: ${PG_VERSION:-?}; $(pg_settings "$DB")"
        [ "$ENGINE" = sqlite ] && echo "- SQLite: $(sqlite3 --version | cut -d' ' -f1), WAL"
        echo "- Command: \`$CMD\`"
        echo "- Each request: $REQUESTS times one after another after $WARMUP warm-up requests, timed by curl (\`time_total\`); percentiles by nearest rank; user $USER_NAME (director)."
        echo
        echo "$TABLE"
    } >"$section"
    record_section "$name" "$section" "$MD"
}
[ "$RECORD" -eq 1 ] && record
exit 0
