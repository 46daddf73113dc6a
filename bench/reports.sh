#!/usr/bin/env bash
# bench/reports.sh — the statistics endpoint (issue 8): a dashboard's figures ≤ 200 ms.
#   0. the data: a fresh database made with `atbalsts demo --persons P --cases C` (timed), or an
#      already generated one (--database; e.g. made by `atbalsts demo --scale national`);
#   A. GET /api/v1/reports/statistics — the director's municipality, the last 12 months;
#   B. the same over 20 years (the longest period allowed);
#   C. the national view (municipality=national: every municipality, small cells suppressed);
#   D. a department's figures (the first department of the municipality), the last 12 months;
#   E. GET /api/v1/reports/statistics.csv — the download of A.
# Each is asked --requests times one after another (a dashboard is opened by one person; the
# figures are computed per request, nothing is cached) after --warmup requests, timing each
# with curl; the report gives p50, p99 and the slowest. Every request is audited as in use.
#
# Usage (from the repo root):
#   bash bench/reports.sh [--binary build/release/atbalsts] [--engine sqlite|postgresql]
#                         [--database URL] [--persons 2000000] [--cases 300000]
#                         [--requests 100] [--warmup 3] [--user direktore] [--no-record]
#
#   --database     benchmark an already generated database (sqlite:PATH or postgresql://…); it
#                  gets an API token for --user and the audit entries of the reads, nothing else.
#   --user         a director of the database's municipality (default the demo's `direktore`)
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
REQUESTS=100
WARMUP=3
USER_NAME=direktore
RECORD=1
SERVER_THREADS=16
BUDGET_MS=200
MD=bench/BENCHMARKS.md

director_bench reports "$@"
N_HOUSEHOLDS=$(sql "$DB" "SELECT COUNT(*) FROM household_registration")
DEPARTMENT=$(sql "$DB" "SELECT d.id FROM department d JOIN app_user u ON u.municipality_id = d.municipality_id
                        WHERE u.username = '$USER_NAME' ORDER BY d.id LIMIT 1")
[ -n "$DEPARTMENT" ] || die "no user $USER_NAME (or her municipality has no department) in $DB"
log "data: $N_PERSONS persons, $N_HOUSEHOLDS household registrations, $N_CASES cases, $N_INTAKES intakes, $N_REFERRALS referrals, $N_DECISIONS assistance decisions, $DB_SIZE MiB"
TOKEN=$("$BINARY" token create --user "$USER_NAME" --database "$DB" --name bench 2>>"$T/setup.log") || die "token create for $USER_NAME failed"

TO=$(date -u +%Y-%m-%d)
FROM_YEAR=$(date -u -d "$TO -1 year +1 day" +%Y-%m-%d)
FROM_20=$(date -u -d "$TO -20 years +1 day" +%Y-%m-%d)

start_server
measure year "/api/v1/reports/statistics?from=$FROM_YEAR&to=$TO"
measure twenty "/api/v1/reports/statistics?from=$FROM_20&to=$TO"
measure national "/api/v1/reports/statistics?from=$FROM_YEAR&to=$TO&municipality=national"
measure department "/api/v1/reports/statistics?from=$FROM_YEAR&to=$TO&department=$DEPARTMENT"
measure csv "/api/v1/reports/statistics.csv?from=$FROM_YEAR&to=$TO"
stop_pid "$SERVER_PID"
SERVER_PID=""

# ---------------------------------------------------------------- report
verdict() { awk -v v="$1" -v b="$2" 'BEGIN { print (v + 0 <= b + 0 ? "PASS" : "FAIL") }'; }
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(fmt "${Q50[$2]}" 1)" "$(fmt "${Q99[$2]}" 1)" "$(fmt "${QMAX[$2]}" 1)" "${QBYTES[$2]}" "$(verdict "${Q99[$2]}" $BUDGET_MS)"; }
TABLE=$(
    echo "| request | p50 ms | p99 ms | slowest ms | bytes | p99 ≤ ${BUDGET_MS} ms |"
    echo "|---|---:|---:|---:|---:|---|"
    row "A. municipality, 12 months \`GET /api/v1/reports/statistics\`" year
    row "B. municipality, 20 years" twenty
    row "C. national view (suppressed), 12 months" national
    row "D. one department, 12 months" department
    row "E. CSV download of A \`GET /api/v1/reports/statistics.csv\`" csv
)
echo
echo "$TABLE"

record() {
    local section=$T/section.md name="reports-$ENGINE"
    {
        echo "## Statistics on $ENGINE: a dashboard's figures"
        echo
        echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "- Machine: $(machine_line "curl, the server and the database")"
        echo "- Server binary: $(describe_binary "$BINARY"); \`serve --threads $SERVER_THREADS\`, access log on, every request audited"
        echo "- Dataset: $N_PERSONS persons, $N_HOUSEHOLDS household registrations, $N_CASES cases, $N_INTAKES intakes, $N_REFERRALS referrals, $N_DECISIONS assistance decisions ($DB_SIZE MiB)$([ -z "$DATABASE" ] && echo ", made by \`atbalsts demo --persons $PERSONS --cases $CASES\` in $GEN_SECONDS s")"
        [ "$ENGINE" = postgresql ] && echo "- PostgreSQL: ${PG_VERSION:-?}; $(pg_settings "$DB")"
        [ "$ENGINE" = sqlite ] && echo "- SQLite: $(sqlite3 --version | cut -d' ' -f1), WAL"
        echo "- Command: \`$CMD\`"
        echo "- Each request: $REQUESTS times one after another after $WARMUP warm-up requests, timed by curl (\`time_total\`); percentiles by nearest rank. Period $FROM_YEAR … $TO (B: $FROM_20 … $TO); user $USER_NAME (director)."
        echo
        echo "$TABLE"
    } >"$section"
    record_section "$name" "$section" "$MD"
}
[ "$RECORD" -eq 1 ] && record
exit 0
