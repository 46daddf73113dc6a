#!/usr/bin/env bash
# bench/services.sh — social services at national scale (issue 6): the service page with its
# capacity and waiting list, and the referral list of a case, p99 ≤ 20 ms at 64 connections.
#   The data: an already generated database (--database; made by `atbalsts demo --scale national`,
#   or on generated cases by `atbalsts demo --services-only`), with the generated caseworkers
#   (sw0001, …) and the generated services and referrals;
#   A. GET /api/v1/services/{id}: the busiest services (the longest waiting lists), the page with
#      the waiting list in its order and the placed referrals, as each of the workers;
#   B. GET /api/v1/cases/{id}/referrals: the cases with referrals of each worker (her own, up to
#      20, and up to 10 closed ones of her team), each with its waiting-list positions.
# Each runs saturating (64 connections, each sends its next request at once) and paced (each
# connection waits --pause-ms between requests); the requests cycle through the workers (up to
# 64 of them), so each request carries the API token of a worker who may see the case.
#
# Usage (from the repo root):
#   bash bench/services.sh --database sqlite:PATH|postgresql://… [--binary build/release/atbalsts]
#                          [--services 12] [--duration 10] [--connections 64] [--threads 2]
#                          [--pause-ms 50] [--warmup 1] [--no-record]
#
#   --database     the generated database; it gets API tokens for the workers and the audit
#                  entries of the reads, nothing else
#   --services     how many of the busiest services the service-page requests spread over (default 12)
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
DATABASE=""
SERVICES=12
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
        --binary|--database|--services|--duration|--connections|--threads|--pause-ms|--warmup)
            [ $# -ge 2 ] || die "$1 needs a value"
            case "$1" in
                --binary) BINARY=$2 ;; --database) DATABASE=$2 ;; --services) SERVICES=$2 ;;
                --duration) DURATION=$2 ;; --connections) CONNECTIONS=$2 ;; --threads) THREADS=$2 ;;
                --pause-ms) PAUSE_MS=$2 ;; --warmup) WARMUP=$2 ;;
            esac
            shift 2 ;;
        --no-record) RECORD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
check_load_options
for v in SERVICES PAUSE_MS; do [[ ${!v} =~ ^[0-9]+$ ]] || die "--${v,,} must be a whole number"; done
[ -n "$DATABASE" ] || die "--database is required (a database generated with atbalsts demo --scale national)"
case "$DATABASE" in postgres*) ENGINE=postgresql ;; sqlite:*) ENGINE=sqlite ;; *) die "--database is sqlite:PATH or postgresql://…" ;; esac
DB=$DATABASE
pick_binary

CMD="bash bench/services.sh --database … --binary $BINARY --services $SERVICES --duration $DURATION --connections $CONNECTIONS --threads $THREADS --pause-ms $PAUSE_MS"

bench_traps

# wrk_lines NAME MODE LINES [PAUSE_MS] — a run of wrk_cases.lua (MODE service or referrals) over LINES.
wrk_lines() { run_wrk "$1" bench/wrk_cases.lua "$CONNECTIONS" "$THREADS" "$3" "$2" "${4:-0}"; }

# ---------------------------------------------------------------- main
ensure_tools wrk curl timeout:coreutils
[ "$ENGINE" = sqlite ] && ensure_tools sqlite3 || ensure_tools psql:postgresql-client
[ "$ENGINE" = sqlite ] && { [ -f "${DB#sqlite:}" ] || die "no database file ${DB#sqlite:}"; }
check_load
T=$(mktemp -d "${TMPDIR:-/tmp}/atbalsts-bench-services.XXXXXX")
log "using the generated database $DB"
"$BINARY" migrate --database "$DB" >"$T/setup.log" 2>&1 || die "migrate failed"
[ "$ENGINE" = postgresql ] && PG_VERSION="PostgreSQL $(psql "$DB" -Atc 'SHOW server_version')"
N_CASES=$(sql "$DB" "SELECT COUNT(*) FROM case_file")
N_PERSONS=$(sql "$DB" "SELECT COUNT(*) FROM person")
N_SERVICES=$(sql "$DB" "SELECT COUNT(*) FROM service")
N_REFERRALS=$(sql "$DB" "SELECT COUNT(*) FROM referral")
N_WAITING=$(sql "$DB" "SELECT COUNT(*) FROM referral WHERE state = 'waiting'")
N_PLACED=$(sql "$DB" "SELECT COUNT(*) FROM referral WHERE state = 'placed'")
DB_SIZE=$([ "$ENGINE" = sqlite ] && du -m "${DB#sqlite:}" | cut -f1 || sql "$DB" "SELECT pg_database_size(current_database()) / 1048576")
[ "$N_REFERRALS" -gt 0 ] || die "no referrals in $DB: generate them first (atbalsts demo --services-only)"
mapfile -t USERS < <(sql "$DB" "SELECT username FROM app_user WHERE username LIKE 'sw%' ORDER BY username LIMIT $WORKERS")
[ "${#USERS[@]}" -ge 1 ] || die "no generated caseworkers (sw0001, …) in $DB: generate cases first"
# The busiest services: the longest waiting lists, and how long they are.
mapfile -t BUSY < <(sql "$DB" "SELECT service_id, COUNT(*) FROM referral WHERE state = 'waiting' GROUP BY service_id
                         ORDER BY COUNT(*) DESC, service_id LIMIT $SERVICES")
[ "${#BUSY[@]}" -ge 1 ] || die "no service has a waiting list in $DB"
WAIT_MAX=${BUSY[0]#*|}
WAIT_MIN=${BUSY[-1]#*|}
log "data: $N_PERSONS persons, $N_CASES cases, $N_SERVICES services, $N_REFERRALS referrals ($N_WAITING waiting, $N_PLACED placed), $DB_SIZE MiB; ${#USERS[@]} workers"
log "the ${#BUSY[@]} busiest services have $WAIT_MIN–$WAIT_MAX referrals waiting"

# Lines "TOKEN ID": every worker with every busy service; each worker's cases with referrals.
: >"$T/services.txt"
: >"$T/referrals.txt"
for u in "${USERS[@]}"; do
    token=$("$BINARY" token create --user "$u" --database "$DB" --name bench 2>>"$T/setup.log") || die "token create for $u failed"
    for b in "${BUSY[@]}"; do echo "$token ${b%%|*}" >>"$T/services.txt"; done
    sql "$DB" "SELECT DISTINCT r.case_id FROM referral r JOIN case_file c ON c.id = r.case_id JOIN app_user u ON u.id = c.lead_worker_id
         WHERE u.username = '$u' AND c.stage <> 'closed' ORDER BY r.case_id LIMIT 20" | sed "s/^/$token /" >>"$T/referrals.txt"
    sql "$DB" "SELECT DISTINCT r.case_id FROM referral r JOIN case_file c ON c.id = r.case_id JOIN user_team m ON m.team_id = c.team_id
         JOIN app_user u ON u.id = m.user_id WHERE u.username = '$u' AND c.stage = 'closed' ORDER BY r.case_id DESC LIMIT 10" \
        | sed "s/^/$token /" >>"$T/referrals.txt"
done
[ -s "$T/referrals.txt" ] || die "the workers' cases have no referrals"
# Shuffled, so that consecutive requests of a thread come from different workers.
for f in "$T/services.txt" "$T/referrals.txt"; do shuf --random-source=<(yes) "$f" -o "$f"; done
SERVICE_LINES=$(wc -l <"$T/services.txt")
REFERRAL_LINES=$(wc -l <"$T/referrals.txt")
IDS=$(cut -d' ' -f2 "$T/referrals.txt" | sort -un | paste -sd, -)
PER_CASE=$(sql "$DB" "SELECT ROUND(AVG(n), 1) FROM (SELECT COUNT(*) AS n FROM referral WHERE case_id IN ($IDS) GROUP BY case_id) x")
log "$SERVICE_LINES (worker, service) and $REFERRAL_LINES (worker, case) pairs; $PER_CASE referrals a case"

start_server
read -r TOKEN ID < <(head -n 1 "$T/services.txt")
read -r TOKEN2 CASE_ID < <(head -n 1 "$T/referrals.txt")
for check in "$TOKEN /api/v1/services/$ID" "$TOKEN2 /api/v1/cases/$CASE_ID/referrals"; do
    [ "$(curl -s -o "$T/check.json" -w '%{http_code}' -H "Authorization: Bearer ${check%% *}" "$SERVER_URL${check#* }")" = 200 ] \
        || { cat "$T/check.json" >&2; die "GET ${check#* } did not answer 200"; }
done
PAGE_KB=$(curl -s -H "Authorization: Bearer $TOKEN" "$SERVER_URL/api/v1/services/$ID" | wc -c | awk '{ printf "%.0f", $1 / 1024 }')
log "the busiest service's page: $PAGE_KB KiB"

wrk_lines service service "$T/services.txt"
wrk_lines referrals referrals "$T/referrals.txt"
wrk_lines service_paced service "$T/services.txt" "$PAUSE_MS"
wrk_lines referrals_paced referrals "$T/referrals.txt" "$PAUSE_MS"
stop_pid "$SERVER_PID"
SERVER_PID=""

# ---------------------------------------------------------------- report
TOTAL_BAD=0
for k in service referrals service_paced referrals_paced; do TOTAL_BAD=$((TOTAL_BAD + BAD[$k])); done
verdict() { awk -v v="$1" -v b="$2" 'BEGIN { print (v + 0 <= b + 0 ? "PASS" : "FAIL") }'; }
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(fmt "${RPS[$2]}" 0)" "$(fmt "${P50[$2]}" 2)" "$(fmt "${P90[$2]}" 2)" "$(fmt "${P99[$2]}" 2)" "${BAD[$2]}"; }
TABLE=$(
    echo "| run | req/s | p50 ms | p90 ms | p99 ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|"
    row "A. service page \`GET /api/v1/services/{id}\` (\`-t$THREADS -c$CONNECTIONS\`, saturating)" service
    row "B. a case's referrals \`GET /api/v1/cases/{id}/referrals\` (\`-c$CONNECTIONS\`, saturating)" referrals
    row "A. service page, $CONNECTIONS connections each pausing ${PAUSE_MS} ms" service_paced
    row "B. a case's referrals, $CONNECTIONS connections each pausing ${PAUSE_MS} ms" referrals_paced
)
line() { echo "- $1 p99 ≤ ${BUDGET_P99} ms at $CONNECTIONS connections — saturating **$(verdict "${P99[$2]}" $BUDGET_P99)** ($(fmt "${P99[$2]}" 2) ms at $(fmt "${RPS[$2]}" 0)/s), paced **$(verdict "${P99[$2_paced]}" $BUDGET_P99)** ($(fmt "${P99[$2_paced]}" 2) ms at $(fmt "${RPS[$2_paced]}" 0)/s)"; }
BUDGETS=$(line "Service page" service; line "Referral list" referrals)

echo
echo "$TABLE"
echo
echo "${BUDGETS//\*\*/}"
[ "$TOTAL_BAD" -eq 0 ] || die "the runs had $TOTAL_BAD errors or non-2xx responses; $MD not updated"

record() {
    local section=$T/section.md name="services-$ENGINE"
    {
        echo "## Social services on $ENGINE: service page and a case's referrals at national scale"
        echo
        echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "- Machine: $(machine_line "wrk, the server and the database")"
        echo "- Server binary: $(describe_binary "$BINARY"); \`serve --threads $SERVER_THREADS\`, access log on, read auditing on (every read and list writes its audit entry)"
        echo "- Dataset: $N_PERSONS persons, $N_CASES cases, $N_SERVICES services, $N_REFERRALS referrals ($N_WAITING waiting, $N_PLACED placed) ($DB_SIZE MiB)"
        echo "- Tools: $(wrk_version)"
        [ "$ENGINE" = postgresql ] && echo "- PostgreSQL: ${PG_VERSION:-?}; $(pg_settings "$DB")"
        [ "$ENGINE" = sqlite ] && echo "- SQLite: $(sqlite3 --version | cut -d' ' -f1), WAL, \`synchronous=FULL\`"
        echo "- Command: \`$CMD\`"
        echo "- Every wrk run: ${DURATION}s after a ${WARMUP}s warm-up, \`--timeout 30s\`; \"errors\" counts socket errors and non-2xx answers."
        echo "- Requests: ${#USERS[@]} generated caseworkers with API tokens. A: the ${#BUSY[@]} services with the longest waiting lists ($WAIT_MIN–$WAIT_MAX waiting; the busiest page $PAGE_KB KiB), every worker with every one ($SERVICE_LINES pairs). B: $REFERRAL_LINES (worker, case) pairs — each worker's open cases with referrals (up to 20) and 10 closed ones of her team, $PER_CASE referrals a case. Both shuffled, so that consecutive requests come from different workers."
        echo
        echo "$TABLE"
        echo
        echo "$BUDGETS"
    } >"$section"
    record_section "$name" "$section" "$MD"
}
[ "$RECORD" -eq 1 ] && record
exit 0
