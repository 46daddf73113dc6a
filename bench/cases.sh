#!/usr/bin/env bash
# bench/cases.sh — case management at national scale (issue 5): the case page API and the
# my-cases list, p99 ≤ 20 ms at 64 connections.
#   0. the data: a fresh database made with `atbalsts demo --persons P --cases C` (timed), or an
#      already generated one (--database; e.g. made by `atbalsts demo --scale national`);
#   A. GET /api/v1/cases/{id}: cases of the generated caseworkers (her open cases and closed
#      ones of her team), each request with the API token of a worker who may see the case;
#   B. GET /api/v1/cases/{id}/notes: the first notes page of those cases (notes opened with the
#      keyring);
#   C. GET /api/v1/cases?mine=1: the my-cases list of each worker.
# Each runs saturating (64 connections, each sends its next request at once) and paced (each
# connection waits --pause-ms between requests); the requests cycle through the workers (up to
# 64 of them: sw0001, sw0002, …), so each worker reads her own cases.
#
# Usage (from the repo root):
#   bash bench/cases.sh [--binary build/release/atbalsts] [--engine sqlite|postgresql]
#                       [--database URL] [--persons 2000000] [--cases 300000]
#                       [--duration 10] [--connections 64] [--threads 2] [--pause-ms 50]
#                       [--warmup 1] [--no-record]
#
#   --engine       sqlite (default: files in a temp dir) or postgresql (a throwaway server
#                  started with scripts/pg.sh in the temp dir)
#   --database     benchmark an already generated database (sqlite:PATH or postgresql://…); it
#                  gets API tokens for the workers and the audit entries of the reads, nothing else.
#                  Its key file must be the one it was generated with: set ATBALSTS_KEY_FILE.
#   --persons, --cases  size of the generated data when no --database is given (default the
#                  national scale: 2,000,000 persons, 300,000 cases)
#   --pause-ms     pause of each connection between its requests in the paced runs (default 50)
#   --no-record    print the results but do not touch bench/BENCHMARKS.md
#
# Exit status is non-zero if anything fails to start or any wrk run saw socket errors or non-2xx
# responses. A FAIL against the budget is reported but does not change the exit status. Needs
# wrk, curl, sqlite3 or psql (installs missing ones with apt-get).
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
DURATION=10
CONNECTIONS=64
THREADS=2
PAUSE_MS=50
WARMUP=1
RECORD=1
WORKERS=64          # distinct caseworkers whose tokens the requests use
SERVER_THREADS=16
BUDGET_P99=20
MD=bench/BENCHMARKS.md

while [ $# -gt 0 ]; do
    case "$1" in
        --binary|--engine|--database|--persons|--cases|--duration|--connections|--threads|--pause-ms|--warmup)
            [ $# -ge 2 ] || die "$1 needs a value"
            case "$1" in
                --binary) BINARY=$2 ;; --engine) ENGINE=$2 ;; --database) DATABASE=$2 ;; --persons) PERSONS=$2 ;;
                --cases) CASES=$2 ;; --duration) DURATION=$2 ;; --connections) CONNECTIONS=$2 ;;
                --threads) THREADS=$2 ;; --pause-ms) PAUSE_MS=$2 ;; --warmup) WARMUP=$2 ;;
            esac
            shift 2 ;;
        --no-record) RECORD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
check_load_options
for v in PERSONS CASES PAUSE_MS; do [[ ${!v} =~ ^[0-9]+$ ]] || die "--${v,,} must be a whole number"; done
case "$ENGINE" in sqlite|postgresql) ;; *) die "--engine is sqlite or postgresql" ;; esac
if [ -n "$DATABASE" ]; then case "$DATABASE" in postgres*) ENGINE=postgresql ;; *) ENGINE=sqlite ;; esac; fi
pick_binary

CMD="bash bench/cases.sh --binary $BINARY --engine $ENGINE --duration $DURATION --connections $CONNECTIONS --threads $THREADS --pause-ms $PAUSE_MS"
if [ -n "$DATABASE" ]; then CMD+=" --database …"; else CMD+=" --persons $PERSONS --cases $CASES"; fi

bench_traps

# wrk_cases NAME MODE [PAUSE_MS] — a run of wrk_cases.lua over the (worker, case) lines.
wrk_cases() { run_wrk "$1" bench/wrk_cases.lua "$CONNECTIONS" "$THREADS" "$T/lines.txt" "$2" "${3:-0}"; }

# ---------------------------------------------------------------- main
ensure_tools wrk curl timeout:coreutils
[ "$ENGINE" = sqlite ] && ensure_tools sqlite3 || ensure_tools psql:postgresql-client
check_load
T=$(mktemp -d "${TMPDIR:-/tmp}/atbalsts-bench-cases.XXXXXX")
open_or_generate cases
[ "$ENGINE" = postgresql ] && PG_VERSION="PostgreSQL $(psql "$DB" -Atc 'SHOW server_version')"
sync   # the fresh database's pages reach the disk now, not during the measurements
N_CASES=$(sql "$DB" "SELECT COUNT(*) FROM case_file")
N_OPEN=$(sql "$DB" "SELECT COUNT(*) FROM case_file WHERE stage <> 'closed'")
N_NOTES=$(sql "$DB" "SELECT COUNT(*) FROM case_note")
N_PERSONS=$(sql "$DB" "SELECT COUNT(*) FROM person")
DB_SIZE=$([ "$ENGINE" = sqlite ] && du -m "${DB#sqlite:}" | cut -f1 || sql "$DB" "SELECT pg_database_size(current_database()) / 1048576")
mapfile -t USERS < <(sql "$DB" "SELECT username FROM app_user WHERE username LIKE 'sw%' ORDER BY username LIMIT $WORKERS")
[ "${#USERS[@]}" -ge 1 ] || die "no generated caseworkers (sw0001, …) in $DB: generate cases first"
log "data: $N_PERSONS persons, $N_CASES cases ($N_OPEN open), $N_NOTES notes, $DB_SIZE MiB; ${#USERS[@]} workers"

# Lines "TOKEN CASE_ID": each worker's open cases (up to 20) and 10 closed cases of her team.
: >"$T/lines.txt"
for u in "${USERS[@]}"; do
    token=$("$BINARY" token create --user "$u" --database "$DB" --name bench 2>>"$T/setup.log") || die "token create for $u failed"
    sql "$DB" "SELECT c.id FROM case_file c JOIN app_user u ON u.id = c.lead_worker_id WHERE u.username = '$u'
               AND c.stage <> 'closed' ORDER BY c.id LIMIT 20" | sed "s/^/$token /" >>"$T/lines.txt"
    sql "$DB" "SELECT c.id FROM case_file c JOIN user_team m ON m.team_id = c.team_id JOIN app_user u ON u.id = m.user_id
               WHERE u.username = '$u' AND c.stage = 'closed' ORDER BY c.id DESC LIMIT 10" | sed "s/^/$token /" >>"$T/lines.txt"
done
# Shuffled, so that consecutive requests of a thread come from different workers.
shuf --random-source=<(yes) "$T/lines.txt" -o "$T/lines.txt"
LINES=$(wc -l <"$T/lines.txt")
log "$LINES (worker, case) pairs"

start_server
read -r TOKEN ID < <(head -n 1 "$T/lines.txt")
for path in "/api/v1/cases/$ID" "/api/v1/cases/$ID/notes" "/api/v1/cases?mine=1"; do
    [ "$(curl -s -o "$T/check.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$SERVER_URL$path")" = 200 ] \
        || { cat "$T/check.json" >&2; die "GET $path did not answer 200"; }
done
MINE_TOTAL=$(curl -s -H "Authorization: Bearer $TOKEN" "$SERVER_URL/api/v1/cases?mine=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
NOTES_TOTAL=$(curl -s -H "Authorization: Bearer $TOKEN" "$SERVER_URL/api/v1/cases/$ID/notes" | grep -o '"total":[0-9]*' | cut -d: -f2)
log "a worker's list: $MINE_TOTAL cases; a case's notes: $NOTES_TOTAL"

wrk_cases case case
wrk_cases notes notes
wrk_cases mine mine
wrk_cases case_paced case "$PAUSE_MS"
wrk_cases notes_paced notes "$PAUSE_MS"
wrk_cases mine_paced mine "$PAUSE_MS"
stop_pid "$SERVER_PID"
SERVER_PID=""

# ---------------------------------------------------------------- report
TOTAL_BAD=0
for k in case notes mine case_paced notes_paced mine_paced; do TOTAL_BAD=$((TOTAL_BAD + BAD[$k])); done
verdict() { awk -v v="$1" -v b="$2" 'BEGIN { print (v + 0 <= b + 0 ? "PASS" : "FAIL") }'; }
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(fmt "${RPS[$2]}" 0)" "$(fmt "${P50[$2]}" 2)" "$(fmt "${P90[$2]}" 2)" "$(fmt "${P99[$2]}" 2)" "${BAD[$2]}"; }
TABLE=$(
    echo "| run | req/s | p50 ms | p90 ms | p99 ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|"
    row "A. case page \`GET /api/v1/cases/{id}\` (\`-t$THREADS -c$CONNECTIONS\`, saturating)" case
    row "B. first notes page \`GET /api/v1/cases/{id}/notes\` (\`-c$CONNECTIONS\`, saturating)" notes
    row "C. my cases \`GET /api/v1/cases?mine=1\` (\`-c$CONNECTIONS\`, saturating)" mine
    row "A. case page, $CONNECTIONS connections each pausing ${PAUSE_MS} ms" case_paced
    row "B. first notes page, $CONNECTIONS connections each pausing ${PAUSE_MS} ms" notes_paced
    row "C. my cases, $CONNECTIONS connections each pausing ${PAUSE_MS} ms" mine_paced
)
line() { echo "- $1 p99 ≤ ${BUDGET_P99} ms at $CONNECTIONS connections — saturating **$(verdict "${P99[$2]}" $BUDGET_P99)** ($(fmt "${P99[$2]}" 2) ms at $(fmt "${RPS[$2]}" 0)/s), paced **$(verdict "${P99[$2_paced]}" $BUDGET_P99)** ($(fmt "${P99[$2_paced]}" 2) ms at $(fmt "${RPS[$2_paced]}" 0)/s)"; }
BUDGETS=$(line "Case page" case; line "Notes page" notes; line "My cases" mine)

echo
echo "$TABLE"
echo
echo "${BUDGETS//\*\*/}"
[ "$TOTAL_BAD" -eq 0 ] || die "the runs had $TOTAL_BAD errors or non-2xx responses; $MD not updated"

record() {
    local section=$T/section.md name="cases-$ENGINE"
    {
        echo "## Case management on $ENGINE: case page, notes and my cases at national scale"
        echo
        echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "- Machine: $(machine_line "wrk, the server and the database")"
        echo "- Server binary: $(describe_binary "$BINARY"); \`serve --threads $SERVER_THREADS\`, access log on, read auditing on (every read and list writes its audit entry)"
        echo "- Dataset: $N_PERSONS persons, $N_CASES cases ($N_OPEN open), $N_NOTES sealed notes ($DB_SIZE MiB)$([ -z "$DATABASE" ] && echo ", made by \`atbalsts demo --persons $PERSONS --cases $CASES\` in $GEN_SECONDS s")"
        echo "- Tools: $(wrk_version)"
        [ "$ENGINE" = postgresql ] && echo "- PostgreSQL: ${PG_VERSION:-?}; $(pg_settings "$DB")"
        [ "$ENGINE" = sqlite ] && echo "- SQLite: $(sqlite3 --version | cut -d' ' -f1), WAL, \`synchronous=FULL\`"
        echo "- Command: \`$CMD\`"
        echo "- Every wrk run: ${DURATION}s after a ${WARMUP}s warm-up, \`--timeout 30s\`; \"errors\" counts socket errors and non-2xx answers."
        echo "- Requests: ${#USERS[@]} generated caseworkers with API tokens; $LINES (worker, case) pairs — each worker's open cases (up to 20) and 10 closed cases of her team — shuffled, so that consecutive requests come from different workers; a worker's list holds about $MINE_TOTAL open cases, a case about $NOTES_TOTAL notes (20 a page)."
        echo
        echo "$TABLE"
        echo
        echo "$BUDGETS"
    } >"$section"
    record_section "$name" "$section" "$MD"
}
[ "$RECORD" -eq 1 ] && record
exit 0
