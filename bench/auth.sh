#!/usr/bin/env bash
# bench/auth.sh — what authentication and auditing cost the Atbalsts server:
#   A. an audited read (every request writes an audit entry) against the same
#      read with read auditing switched off (ATBALSTS_AUDIT_READS=off);
#   B. the p99 of a cached read while 20 password logins (argon2id) run at once.
#
# Usage (from the repo root):
#   bash bench/auth.sh [--binary build/release/atbalsts] [--duration 10]
#                      [--connections 64] [--threads 2] [--warmup 1] [--no-record]
#
#   --binary       server binary (default build/release/atbalsts, falling back
#                  to build/debug/atbalsts with a warning if only that exists)
#   --duration     seconds per measured wrk run (default 10)
#   --connections  keep-alive connections for benchmark A (default 64); B
#                  always uses 20 login connections and 8 read connections
#   --threads      wrk threads for benchmark A (default 2); B uses 1 per wrk
#   --warmup       seconds of unmeasured wrk load before each measured run
#                  that starts a fresh load (default 1, 0 = none)
#   --no-record    print the results but do not touch bench/BENCHMARKS.md
#
# Exit status is non-zero if anything fails to start, if logging in fails, if
# `atbalsts audit verify` fails, or if any wrk run saw socket errors or non-2xx
# responses; BENCHMARKS.md is only updated when all runs were clean. A FAIL
# against a budget is reported but does not change the exit status. All load
# goes to 127.0.0.1 and every run is time-bounded.
set -euo pipefail

BENCH_SCRIPT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
# shellcheck source=bench/lib.sh
. "$(dirname "$BENCH_SCRIPT")/lib.sh"
cd "$(dirname "$BENCH_SCRIPT")/.."

BINARY=""
DURATION=10
CONNECTIONS=64
THREADS=2
WARMUP=1
RECORD=1
BUDGET_AUDIT_RATIO=0.5    # audited read >= 0.5x the unaudited read's req/s ...
BUDGET_CONNECTIONS=64     # ... at 64 connections
BUDGET_P99_MS=20          # cached read p99 <= 20 ms while 20 logins run
LOGIN_CONNECTIONS=20
READ_CONNECTIONS=8
SERVER_THREADS=16         # `serve --threads`
DEMO_PASSWORD=Demo-Atbalsts-2026   # every demo user's password (atbalsts demo)
MD=bench/BENCHMARKS.md
LUA=bench/wrk_report.lua
LOGIN_LUA=bench/wrk_login.lua

T=""            # temp dir
DB=""           # sqlite:$T/db
SERVER_PID=""
SERVER_URL=""
LOGIN_PID=""    # the background `timeout wrk ...` of the logins in benchmark B
COOKIE=""       # atbalsts_session of the logged-in admin
CSRF=""

# ---------------------------------------------------------------- arguments
while [ $# -gt 0 ]; do
    case "$1" in
        --binary|--duration|--connections|--threads|--warmup)
            [ $# -ge 2 ] || die "$1 needs a value"
            case "$1" in
                --binary) BINARY=$2 ;;  --duration) DURATION=$2 ;;
                --connections) CONNECTIONS=$2 ;;  --threads) THREADS=$2 ;;
                --warmup) WARMUP=$2 ;;
            esac
            shift 2 ;;
        --no-record) RECORD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done

check_load_options

pick_binary

# The exact, reproducible command for the report.
CMD="bash bench/auth.sh --binary $BINARY --duration $DURATION --connections $CONNECTIONS --threads $THREADS"
[ "$WARMUP" != 1 ] && CMD+=" --warmup $WARMUP"

# ---------------------------------------------------------------- processes
# shellcheck disable=SC2317  # runs from the EXIT trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$WRK_PID"     # timeout(1) passes the SIGTERM on to wrk
    stop_pid "$LOGIN_PID"
    stop_pid "$SERVER_PID"
    if [ -n "$T" ] && [ -d "$T" ]; then
        if [ "$rc" -ne 0 ]; then
            local f
            for f in "$T/setup.log" "$T/server.log" "$T/verify.log"; do
                [ -s "$f" ] && { log "--- last lines of ${f#"$T"/} ---"; tail -n 20 "$f" >&2; }
            done
        fi
        rm -rf "$T"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- server
start_server() {   # start_server on|off — read auditing on or off; sets SERVER_URL, SERVER_PID
    local port
    port=$(free_port)
    log "starting $BINARY serve on 127.0.0.1:$port with ATBALSTS_AUDIT_READS=$1 (log: server.log)"
    echo "=== $(date -u +%T) serve --port $port, ATBALSTS_AUDIT_READS=$1" >>"$T/server.log"
    ATBALSTS_KEY_FILE="$T/key" ATBALSTS_AUDIT_READS="$1" \
        "$BINARY" serve --address 127.0.0.1 --port "$port" --database "$DB" --threads "$SERVER_THREADS" \
        </dev/null >>"$T/server.log" 2>&1 &
    SERVER_PID=$!
    SERVER_URL="http://127.0.0.1:$port"
    wait_for_200 "$SERVER_URL/healthz" "$SERVER_PID" "server"
}

stop_server() {
    log "stopping the server"
    stop_pid "$SERVER_PID"
    SERVER_PID=""
}

# audit_verify — `atbalsts audit verify` must exit 0; prints the number of
# entries it verified.
audit_verify() {
    local rc=0 n
    ATBALSTS_KEY_FILE="$T/key" timeout 300 "$BINARY" audit verify --database "$DB" >"$T/verify.log" 2>&1 || rc=$?
    [ "$rc" -eq 0 ] || { cat "$T/verify.log" >&2; die "'$BINARY audit verify' exited $rc"; }
    n=$(sed -n 's/.*[^0-9]\([0-9][0-9]*\) entries verified.*/\1/p' "$T/verify.log" | head -n 1)
    [ -n "$n" ] || { cat "$T/verify.log" >&2; die "could not read the entry count from 'audit verify'"; }
    log "audit verify: $(head -n 1 "$T/verify.log")"
    echo "$n"
}

# ---------------------------------------------------------------- API calls
# api NAME METHOD PATH [JSON] — one request with the current COOKIE and CSRF
# token (when set); headers go to $T/NAME.headers, the body to $T/NAME.json.
# Prints the status code (000 if curl failed).
api() {
    local name=$1 method=$2 path=$3 body=${4-} args=()
    [ -n "$COOKIE" ] && args+=(-H "Cookie: atbalsts_session=$COOKIE")
    [ -n "$CSRF" ] && args+=(-H "X-CSRF-Token: $CSRF")
    [ -n "$body" ] && args+=(-H "Content-Type: application/json" --data-binary "$body")
    curl -s --max-time 30 -X "$method" "${args[@]}" -D "$T/$name.headers" -o "$T/$name.json" \
        -w '%{http_code}' "$SERVER_URL$path" || echo 000
}

api_ok() {   # api_ok NAME METHOD PATH [JSON] — like api, but the answer must be 200
    local code
    code=$(api "$@")
    [ "$code" = 200 ] || { cat "$T/$1.json" >&2 2>/dev/null; echo >&2; die "$2 $3 answered $code, expected 200"; }
}

json_str() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" "$T/$2.json" | head -n 1; }   # json_str KEY NAME
new_cookie() {   # new_cookie NAME — the atbalsts_session value set by that answer, if any
    tr -d '\r' <"$T/$1.headers" | sed -n 's/^[Ss]et-[Cc]ookie: *atbalsts_session=\([^;]*\).*/\1/p' | tail -n 1
}

# Logs in as admin, enrolling an authenticator (TOTP from oathtool): sets
# COOKIE (the full session) and CSRF.
login_admin() {
    local secret code stage
    COOKIE="" CSRF=""
    log "logging in as admin (password, then TOTP enrolment)"
    api_ok login POST /api/v1/session "{\"username\":\"admin\",\"password\":\"$DEMO_PASSWORD\"}"
    COOKIE=$(new_cookie login)
    CSRF=$(json_str csrf_token login)
    stage=$(json_str stage login)
    if [ -z "$COOKIE" ] || [ -z "$CSRF" ]; then die "POST /api/v1/session gave no cookie or no csrf_token"; fi
    [ "$stage" = enroll ] || die "expected stage \"enroll\" after the password, got \"$stage\""
    api_ok enroll POST /api/v1/session/enrollment '{}'
    secret=$(json_str secret enroll)
    [ -n "$secret" ] || die "POST /api/v1/session/enrollment gave no secret"
    code=$(oathtool --totp -b "$secret")
    if [ "$(api confirm POST /api/v1/session/enrollment/confirm "{\"code\":\"$code\"}")" = 401 ]; then
        # Most likely the 30 s step changed between oathtool and the server: once more, next step.
        log "TOTP code refused; retrying with the next 30 s step"
        sleep $(( 31 - $(date +%s) % 30 ))
        code=$(oathtool --totp -b "$secret")
        api_ok confirm POST /api/v1/session/enrollment/confirm "{\"code\":\"$code\"}"
    fi
    grep -q '"stage":"complete"' "$T/confirm.json" \
        || { cat "$T/confirm.json" >&2; die "enrollment/confirm did not complete the login"; }
    COOKIE=$(new_cookie confirm)
    [ -n "$COOKIE" ] || die "enrollment/confirm set no new atbalsts_session cookie"
}

check_session() {   # the admin's cookie must still open GET /api/v1/users/1
    local code
    code=$(api session_check GET /api/v1/users/1)
    [ "$code" = 200 ] || { cat "$T/session_check.json" >&2; echo >&2; die "GET /api/v1/users/1 with the session cookie answered $code"; }
}

# ---------------------------------------------------------------- wrk
declare -A REQS           # requests counted by wrk (measured run + warm-up), by run name

# run_wrk NAME URL WRK_ARGS... — optional warm-up, then a measured
# `wrk WRK_ARGS -dDURATION --latency -s wrk_report.lua URL`.
run_wrk() {
    local name=$1 url=$2 out=$T/wrk-$1.txt warm=0
    shift 2
    if [ "$WARMUP" -gt 0 ]; then
        bounded $((WARMUP + 30)) "$T/warmup-$name.txt" wrk "$@" "-d${WARMUP}s" "$url" \
            || { cat "$T/warmup-$name.txt" >&2; die "wrk warm-up for $name failed"; }
        warm=$(awk '/ requests in / { print $1 }' "$T/warmup-$name.txt")
    fi
    log "measuring $name: wrk ${*//atbalsts_session=*/atbalsts_session=…} -d${DURATION}s --latency -s $LUA $url"
    bounded $((DURATION + 60)) "$out" wrk "$@" "-d${DURATION}s" --latency -s "$LUA" "$url" \
        || { cat "$out" >&2; die "wrk failed for $name"; }
    wrk_collect "$name" "$out"
    REQS[$name]=$(( $(wrk_result requests "$out") + ${warm:-0} ))
}

# ---------------------------------------------------------------- main
ensure_tools wrk curl timeout:coreutils oathtool
check_load   # other work on the box skews every number
for f in "$LUA" "$LOGIN_LUA"; do [ -f "$f" ] || die "$f not found"; done
T=$(mktemp -d "${TMPDIR:-/tmp}/atbalsts-bench-auth.XXXXXX")
DB="sqlite:$T/db"

log "creating demo database in $T/db"
{ "$BINARY" migrate --database "$DB" && "$BINARY" demo --database "$DB"; } \
    >"$T/setup.log" 2>&1 || die "'$BINARY migrate/demo' failed"

# ---- A. audited read vs. the same read unaudited
start_server on
login_admin
check_session
USERS_URL="$SERVER_URL/api/v1/users/1"
AUDIT_BEFORE=$(audit_verify)
run_wrk audited "$USERS_URL" "-t$THREADS" "-c$CONNECTIONS" -H "Cookie: atbalsts_session=$COOKIE"
stop_server
AUDIT_AFTER=$(audit_verify)   # the chain written under load, with the server stopped
AUDIT_WRITTEN=$((AUDIT_AFTER - AUDIT_BEFORE))
if [ "$AUDIT_WRITTEN" -lt "${REQS[audited]}" ]; then
    log "WARNING: $AUDIT_WRITTEN audit entries for ${REQS[audited]} audited reads counted by wrk"
fi

start_server off   # same database and key file: the session is still valid
check_session
USERS_URL="$SERVER_URL/api/v1/users/1"
run_wrk unaudited "$USERS_URL" "-t$THREADS" "-c$CONNECTIONS" -H "Cookie: atbalsts_session=$COOKIE"
stop_server

# ---- B. cached read p99 while 20 logins run at once
start_server on
VERSION_URL="$SERVER_URL/api/v1/version"
LOGIN_URL="$SERVER_URL/api/v1/session"
[ "$(http_status "$VERSION_URL")" = 200 ] || die "GET /api/v1/version did not answer 200"
code=$(COOKIE="" CSRF="" api login_check POST /api/v1/session "{\"username\":\"anna\",\"password\":\"$DEMO_PASSWORD\"}")
[ "$code" = 200 ] || { cat "$T/login_check.json" >&2; die "POST /api/v1/session as anna answered $code"; }

run_wrk read_alone "$VERSION_URL" -t1 "-c$READ_CONNECTIONS"

log "measuring read_with_logins: $LOGIN_CONNECTIONS logins and $READ_CONNECTIONS reads at once for ${DURATION}s"
# Logins: a 30 s timeout, because with 1 hashing thread a login waits for up
# to 19 others (wrk's default of 2 s would count those as socket timeouts).
timeout $((DURATION + 60)) wrk -t1 "-c$LOGIN_CONNECTIONS" "-d${DURATION}s" --timeout 30s --latency \
    -s "$LOGIN_LUA" "$LOGIN_URL" </dev/null >"$T/wrk-logins.txt" 2>&1 &
LOGIN_PID=$!
timeout $((DURATION + 60)) wrk -t1 "-c$READ_CONNECTIONS" "-d${DURATION}s" --latency \
    -s "$LUA" "$VERSION_URL" </dev/null >"$T/wrk-read_with_logins.txt" 2>&1 &
WRK_PID=$!
rc_read=0 rc_login=0
wait "$WRK_PID" || rc_read=$?
WRK_PID=""
wait "$LOGIN_PID" || rc_login=$?
LOGIN_PID=""
[ "$rc_read" -eq 0 ] || { cat "$T/wrk-read_with_logins.txt" >&2; die "wrk (reads during logins) failed"; }
[ "$rc_login" -eq 0 ] || { cat "$T/wrk-logins.txt" >&2; die "wrk (logins) failed"; }
log "reads while logging in:"
wrk_collect read_with_logins "$T/wrk-read_with_logins.txt"
log "logins:"
wrk_collect logins "$T/wrk-logins.txt"
LOGINS=$(wrk_result requests "$T/wrk-logins.txt")
stop_server
AUDIT_FINAL=$(audit_verify)

# ---------------------------------------------------------------- report
RUNS=(audited unaudited read_alone read_with_logins logins)
TOTAL_BAD=0
for k in "${RUNS[@]}"; do TOTAL_BAD=$((TOTAL_BAD + BAD[$k])); done

AUDIT_RATIO=$(ratio "${RPS[audited]}" "${RPS[unaudited]}")
AUDIT_VERDICT=$(awk -v r="$AUDIT_RATIO" -v b="$BUDGET_AUDIT_RATIO" 'BEGIN { print (r + 0 >= b + 0 ? "PASS" : "FAIL") }')
P99_VERDICT=$(awk -v p="${P99[read_with_logins]}" -v b="$BUDGET_P99_MS" 'BEGIN { print (p + 0 <= b + 0 ? "PASS" : "FAIL") }')

TABLE_A=$(
    echo "| run | req/s | p50 ms | p99 ms |"
    echo "|---|---:|---:|---:|"
    for k in audited unaudited; do
        case $k in
            audited) label="audited: \`GET /api/v1/users/1\`, \`ATBALSTS_AUDIT_READS=on\` (one audit entry per read)" ;;
            unaudited) label="unaudited: the same read, \`ATBALSTS_AUDIT_READS=off\`" ;;
        esac
        printf '| %s | %s | %s | %s |\n' "$label" "$(fmt "${RPS[$k]}" 0)" "$(fmt "${P50[$k]}" 2)" "$(fmt "${P99[$k]}" 2)"
    done
)
BUDGET_A="Budget: audited read ≥ ${BUDGET_AUDIT_RATIO}× the unaudited read's req/s at $BUDGET_CONNECTIONS connections — **$AUDIT_VERDICT** (measured ${AUDIT_RATIO}×"
if [ "$CONNECTIONS" -ne "$BUDGET_CONNECTIONS" ]; then
    BUDGET_A+=" at $CONNECTIONS connections, not $BUDGET_CONNECTIONS: indicative only)"
else
    BUDGET_A+=")"
fi
VERIFY_A="Audit chain: \`atbalsts audit verify\` exited 0 after the audited run (server stopped): $AUDIT_AFTER entries verified, $AUDIT_WRITTEN of them written during the run (wrk counted ${REQS[audited]} audited reads, warm-up included; the rest were in flight when wrk stopped). At the end of the script: $AUDIT_FINAL entries verified."

TABLE_B=$(
    echo "| run | read req/s | read p50 ms | read p99 ms | logins/s | login p50 ms | login p99 ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    printf '| %s | %s | %s | %s | – | – | – |\n' "\`GET /api/v1/version\` alone (\`-t1 -c$READ_CONNECTIONS\`)" \
        "$(fmt "${RPS[read_alone]}" 0)" "$(fmt "${P50[read_alone]}" 2)" "$(fmt "${P99[read_alone]}" 2)"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' \
        "the same read while $LOGIN_CONNECTIONS logins run at once (\`POST /api/v1/session\`, \`-t1 -c$LOGIN_CONNECTIONS\`)" \
        "$(fmt "${RPS[read_with_logins]}" 0)" "$(fmt "${P50[read_with_logins]}" 2)" "$(fmt "${P99[read_with_logins]}" 2)" \
        "$(fmt "${RPS[logins]}" 1)" "$(fmt "${P50[logins]}" 0)" "$(fmt "${P99[logins]}" 0)"
)
BUDGET_B="Budget: cached read p99 ≤ ${BUDGET_P99_MS} ms while $LOGIN_CONNECTIONS logins run at once — **$P99_VERDICT** (measured $(fmt "${P99[read_with_logins]}" 2) ms; $(fmt "${P99[read_alone]}" 2) ms alone just before)"

MACHINE=$(machine_line "wrk and the server")
TOOLS="$(wrk_version), $(oathtool --version 2>/dev/null | head -n 1)"

echo
echo "A. audited read vs. the same read unaudited"
echo
echo "$TABLE_A"
echo
echo "${BUDGET_A//\*\*/}"
echo "$VERIFY_A"
echo
echo "B. cached read while $LOGIN_CONNECTIONS logins run at once ($LOGINS logins in ${DURATION}s, all answered 200)"
echo
echo "$TABLE_B"
echo
echo "${BUDGET_B//\*\*/}"

if [ "$TOTAL_BAD" -ne 0 ]; then
    for k in "${RUNS[@]}"; do
        [ "${BAD[$k]}" -eq 0 ] || log "$k: ${BAD[$k]} socket errors / non-2xx responses"
    done
    die "some runs had errors or non-2xx responses; $MD not updated"
fi

record() {   # write the auth section of BENCHMARKS.md
    local section=$T/section.md warm
    warm=$([ "$WARMUP" -gt 0 ] && echo "after a ${WARMUP}s warm-up" || echo "without warm-up")
    {
        echo "## Authentication and audit: audited reads, reads during logins"
        echo
        echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "- Machine: $MACHINE"
        echo "- Server binary: $(describe_binary "$BINARY")"
        echo "- Server: \`serve --threads $SERVER_THREADS\` on a fresh SQLite database (\`migrate\` + \`demo\`), default hashing pool (1 thread), access log on; logged in as \`admin\` with password + TOTP (\`oathtool\`)"
        echo "- Tools: $TOOLS"
        echo "- Command: \`$CMD\`"
        echo "- Every wrk run: 0 socket errors, 0 non-2xx responses."
        echo
        echo "### A. Audited read vs. the same read unaudited"
        echo
        echo "Each row: \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency -s $LUA -H 'Cookie: atbalsts_session=…'\` $warm. The server is restarted on the same database between the rows."
        echo
        echo "$TABLE_A"
        echo
        echo "$BUDGET_A"
        echo
        echo "$VERIFY_A"
        echo
        echo "### B. Cached read while $LOGIN_CONNECTIONS logins run at once"
        echo
        echo "Reads: \`wrk -t1 -c$READ_CONNECTIONS -d${DURATION}s --latency -s $LUA\` (alone: $warm). Logins, started together with the second read run: \`wrk -t1 -c$LOGIN_CONNECTIONS -d${DURATION}s --timeout 30s --latency -s $LOGIN_LUA\` as \`anna\`, each a real argon2id password check answered 200 ($LOGINS in ${DURATION}s)."
        echo
        echo "$TABLE_B"
        echo
        echo "$BUDGET_B"
    } >"$section"
    record_section auth "$section" "$MD"
}

[ "$RECORD" -eq 1 ] && record
exit 0
