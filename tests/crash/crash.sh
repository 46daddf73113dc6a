#!/usr/bin/env bash
# tests/crash/crash.sh — crash safety of person creation. Starts `atbalsts serve` on a database,
# lets several concurrent clients create persons (POST /api/v1/persons, as the demo social
# worker anna with an API token), kills the server with `kill -9` at a random moment, runs
# `atbalsts audit verify`, restarts the server and checks that every person acknowledged with
# 201 is there and intact (GET /api/v1/persons/{id} answers what was sent). Repeats for --cycles,
# then checks every acknowledged person once more.
#
# Usage (from the repo root):
#   bash tests/crash/crash.sh [--binary build/debug/atbalsts] [--database URL] [--cycles 3]
#                             [--clients 4] [--min-ms 300] [--max-ms 1500]
#
#   --binary    the atbalsts binary (default build/release/atbalsts, else build/debug/atbalsts)
#   --database  sqlite:PATH or postgresql://… (default: a fresh SQLite file in a temp dir);
#               migrated and given the demo data here (both idempotent)
#   --cycles    kill/restart cycles (default 3)
#   --clients   concurrent clients (default 4)
#   --min-ms, --max-ms   the kill comes this long after the clients start (random in between)
#
# Exit status: 0 when nothing acknowledged was lost or changed and the audit chain verified after
# every crash; 1 otherwise (the lost or changed persons are listed). Needs bash, curl, GNU date.
set -euo pipefail

BINARY=""
DATABASE=""
CYCLES=3
CLIENTS=4
MIN_MS=300
MAX_MS=1500

log() { printf '[crash.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --binary|--database|--cycles|--clients|--min-ms|--max-ms)
            [ $# -ge 2 ] || die "$1 needs a value"
            case "$1" in
                --binary) BINARY=$2 ;; --database) DATABASE=$2 ;; --cycles) CYCLES=$2 ;;
                --clients) CLIENTS=$2 ;; --min-ms) MIN_MS=$2 ;; --max-ms) MAX_MS=$2 ;;
            esac
            shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
for v in CYCLES CLIENTS MIN_MS MAX_MS; do
    [[ ${!v} =~ ^[0-9]+$ ]] || die "--${v,,} must be a whole number"
done
[ "$MAX_MS" -ge "$MIN_MS" ] || die "--max-ms must be >= --min-ms"
cd "$(dirname "$0")/../.."
if [ -z "$BINARY" ]; then
    BINARY=build/release/atbalsts
    [ -x "$BINARY" ] || BINARY=build/debug/atbalsts
fi
[ -x "$BINARY" ] || die "binary '$BINARY' not found (build it or pass --binary)"
command -v curl >/dev/null || die "curl is missing"

T=$(mktemp -d /tmp/atbalsts-crash.XXXXXX)
DATABASE=${DATABASE:-sqlite:$T/crash.db}
export ATBALSTS_KEY_FILE=$T/key ATBALSTS_ACCESS_LOG=off
SERVER_PID=""
CLIENT_PIDS=()
URL=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    local pid
    for pid in "${CLIENT_PIDS[@]}" $SERVER_PID; do kill -9 "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ "$rc" -ne 0 ] && [ -s "$T/server.log" ]; then log "--- last lines of the server log ---"; tail -n 20 "$T/server.log" >&2; fi
    rm -rf "$T"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    local p
    for _ in $(seq 100); do
        p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
    done
    die "no free port"
}

# Starts the server on a free port; another port is tried when the chosen one was taken
# between the probe and the bind (the server then exits at once with "Address already in use").
start_server() {
    local port attempt
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        URL="http://127.0.0.1:$port"
        echo "=== $(date -u +%T) start on $port (attempt $attempt)" >>"$T/server.log"
        "$BINARY" serve --address 127.0.0.1 --port "$port" --database "$DATABASE" --web /nonexistent --threads 16 \
            </dev/null >>"$T/server.log" 2>&1 &
        SERVER_PID=$!
        for _ in $(seq 300); do
            if ! kill -0 "$SERVER_PID" 2>/dev/null; then
                tail -1 "$T/server.log" | grep -q "Address already in use" && continue 2
                die "the server exited during startup"
            fi
            [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/healthz" || true)" = 200 ] && return 0
            sleep 0.1
        done
        die "the server did not answer on $URL/healthz within 30 s"
    done
    die "no port could be bound after 5 attempts"
}

# ---------------------------------------------------------------- persons
GIVEN=(Anna Līga Jānis Pēteris Ilze Kristīne Mārtiņš Edgars Zane Ieva Sergejs Jeļena Ģirts Ņina Uģis Žanna)
SURNAME_M=(Bērziņš Kalniņš Ozols Jansons Krūmiņš Balodis Eglītis Zariņš Vītols Kļaviņš Ivanovs Šmits)
SURNAME_F=(Bērziņa Kalniņa Ozola Jansone Krūmiņa Balode Eglīte Zariņa Vītola Kļaviņa Ivanova Šmite)
SALT=$(( (RANDOM * 32768 + RANDOM) % 20000 ))   # another run on the same database: other codes

# person U — prints "code<TAB>birth<TAB>given<TAB>surname<TAB>phone" for the U-th person of this
# run: a valid old-format code whose birth date and serial come from U (unique per U).
person() {
    local u=$1 day serial birth ddmmyy century first10 sum i z g s
    local -a w=(1 6 3 7 9 10 5 8 4 2)
    day=$(( (u / 1000 + SALT) % 29000 ))     # 1930-01-01 + day: until about 2009
    serial=$(( u % 1000 ))
    read -r birth ddmmyy < <(date -u -d "@$(( (day - 14610) * 86400 ))" '+%Y-%m-%d %d%m%y')
    century=$(( ${birth:0:4} >= 2000 ? 2 : 1 ))
    first10=$(printf '%s%d%03d' "$ddmmyy" "$century" "$serial")
    sum=0
    for i in $(seq 0 9); do sum=$(( sum + w[i] * ${first10:i:1} )); done
    z=$(( (1101 - sum) % 11 % 10 ))
    g=${GIVEN[u % ${#GIVEN[@]}]}
    if [ $(( (u / 7) % 2 )) -eq 0 ]; then s=${SURNAME_M[u % ${#SURNAME_M[@]}]}; else s=${SURNAME_F[u % ${#SURNAME_F[@]}]}; fi
    printf '%s-%s%s\t%s\t%s\t%s\t+371 2%07d\n' "${first10:0:6}" "${first10:6:4}" "$z" "$birth" "$g" "$s" "$u"
}

# client C CYCLE — creates persons until the server goes away; appends what was acknowledged
# with 201 to $T/acked.CYCLE.C as "id<TAB>code<TAB>birth<TAB>given<TAB>surname<TAB>phone".
client() {
    local c=$1 cycle=$2 n=0 u line code birth given surname phone status id
    while :; do
        u=$(( cycle * 100000 + c * 10000 + n ))
        n=$(( n + 1 ))
        line=$(person "$u")
        IFS=$'\t' read -r code birth given surname phone <<<"$line"
        status=$(curl -s --max-time 20 -o "$T/body.$c" -D "$T/headers.$c" -w '%{http_code}' \
            -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            --data-binary "{\"given_names\":\"$given\",\"surname\":\"$surname\",\"personal_code\":\"$code\",\"phones\":[\"$phone\"],\"confirm_duplicates\":true}" \
            "$URL/api/v1/persons" || true)
        case "$status" in
            201)
                id=$(tr -d '\r' <"$T/headers.$c" | sed -n 's|^[Ll]ocation: */api/v1/persons/\([0-9]*\)$|\1|p')
                [ -n "$id" ] || { echo "201 without a Location header" >>"$T/problems"; continue; }
                printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$code" "$birth" "$given" "$surname" "$phone" >>"$T/acked.$cycle.$c" ;;
            000) return 0 ;;                  # the server is gone
            *) echo "client $c: HTTP $status for $code: $(head -c 300 "$T/body.$c")" >>"$T/problems" ;;
        esac
    done
}

# verify FILE... — every acknowledged person must read back as sent.
verify() {
    local f id code birth given surname phone body bad=0 n=0
    for f in "$@"; do
        [ -f "$f" ] || continue
        while IFS=$'\t' read -r id code birth given surname phone; do
            n=$(( n + 1 ))
            body=$(curl -s --max-time 20 -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL/api/v1/persons/$id" || true)
            if [ "${body##*$'\n'}" != 200 ]; then
                log "LOST: person $id ($code, $given $surname) answered ${body##*$'\n'}"; bad=$(( bad + 1 )); continue
            fi
            for want in "\"given_names\":\"$given\"" "\"surname\":\"$surname\"" "\"personal_code\":\"$code\"" \
                        "\"birth_date\":\"$birth\"" "\"phones\":[\"$phone\"]"; do
                if [[ $body != *"$want"* ]]; then
                    log "CHANGED: person $id ($code): expected $want"; bad=$(( bad + 1 )); break
                fi
            done
        done <"$f"
    done
    VERIFIED=$n
    [ "$bad" -eq 0 ]
}

audit_verify() {
    "$BINARY" audit verify --database "$DATABASE" >"$T/verify.log" 2>&1 \
        || { cat "$T/verify.log" >&2; die "audit verify failed after the crash of cycle $1"; }
    log "cycle $1: $(head -n 1 "$T/verify.log")"
}

# ---------------------------------------------------------------- run
log "binary $BINARY, database $DATABASE, $CYCLES cycles, $CLIENTS clients"
"$BINARY" migrate --database "$DATABASE" >/dev/null
"$BINARY" demo --database "$DATABASE" >/dev/null
TOKEN=$("$BINARY" token create --user anna --database "$DATABASE")
TOTAL=0
for cycle in $(seq 1 "$CYCLES"); do
    start_server
    if [ "$cycle" -gt 1 ]; then
        verify "$T"/acked."$(( cycle - 1 ))".* || die "cycle $(( cycle - 1 )): acknowledged persons lost or changed (see above)"
        log "cycle $(( cycle - 1 )): all $VERIFIED acknowledged persons present and intact"
    fi
    CLIENT_PIDS=()
    for c in $(seq 1 "$CLIENTS"); do client "$c" "$cycle" & CLIENT_PIDS+=($!); done
    sleep "$(awk -v a="$MIN_MS" -v b="$MAX_MS" -v r="$RANDOM" 'BEGIN { printf "%.3f", (a + (b - a) * r / 32767) / 1000 }')"
    kill -9 "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    for pid in "${CLIENT_PIDS[@]}"; do wait "$pid" || true; done
    CLIENT_PIDS=()
    acked=$(cat "$T"/acked."$cycle".* 2>/dev/null | wc -l)
    TOTAL=$(( TOTAL + acked ))
    log "cycle $cycle: killed the server with kill -9 after $acked acknowledged creations"
    audit_verify "$cycle"
done
start_server
verify "$T"/acked."$CYCLES".* || die "cycle $CYCLES: acknowledged persons lost or changed (see above)"
log "cycle $CYCLES: all $VERIFIED acknowledged persons present and intact"
verify "$T"/acked.* || die "acknowledged persons lost or changed (see above)"
[ "$VERIFIED" -eq "$TOTAL" ] || die "verified $VERIFIED persons, but $TOTAL were acknowledged"
[ "$TOTAL" -gt 0 ] || die "no creation was acknowledged at all (see the server log)"
if [ -s "$T/problems" ]; then log "answers other than 201 (not counted as acknowledged):"; head -n 5 "$T/problems" >&2; fi
echo "crash: $CYCLES cycles, $TOTAL persons acknowledged with 201, all present and intact; audit chain verified after every kill"
