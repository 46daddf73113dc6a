# bench/lib.sh — helpers shared by the bench/*.sh scripts. Not run on its own:
# a script sets BENCH_SCRIPT (its own absolute path) and then sources this file.
#
#   log/die, usage                  messages ("[NAME.sh] ..."), --help from the header comment
#   ensure_tools CMD[:PACKAGE]...   install missing commands with apt-get
#   stop_pid PID                    TERM, wait up to 5 s, then KILL
#   port_in_use, free_port          loopback ports
#   http_status URL, wait_for_200   readiness checks
#   bounded SECS OUT CMD...         time-limited command, interruptible (pid in WRK_PID)
#   wrk_result KEY FILE             a value from the WRK_RESULT line of wrk_report.lua
#   wrk_collect NAME FILE           fills RPS/P50/P99/BAD[NAME] from that line
#   check_load, machine_line        load average before the run, machine description
#   describe_binary BINARY          "PATH (atbalsts X.Y.Z, CMAKE_BUILD_TYPE=...)"
#   ratio A B, fmt X DECIMALS       arithmetic for the reports
#   record_section NAME FILE [MD]   replace (or append) one section of BENCHMARKS.md
#   bench_traps, bench_cleanup      stop the server, wrk and PostgreSQL; remove $T (logs on failure)
#   sql DB QUERY, start_pg          the engine's command-line client; a throwaway PostgreSQL
#   start_server, run_wrk           the server on DB; a warm-up and a measured wrk run
#   now, elapsed START              wall-clock seconds
#   pg_settings DB                  the PostgreSQL settings a report names
#   open_or_generate NAME           DATABASE, or a new one with generated persons and cases
#
# Everything it starts runs against 127.0.0.1 and with a time limit.
# shellcheck shell=bash

[ -n "${BENCH_SCRIPT:-}" ] || { echo "bench/lib.sh: set BENCH_SCRIPT before sourcing" >&2; exit 1; }
BENCH_NAME=$(basename "$BENCH_SCRIPT")
WRK_PID=""                 # the running `timeout CMD ...` of bounded(), if any
declare -A RPS P50 P99 BAD # filled by wrk_collect, keyed by run name

log() { printf '[%s] %s\n' "$BENCH_NAME" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Prints the script's header comment (line 2 up to `set -euo`), without the "# ".
usage() { sed -n '2,/^set -euo/p' "$BENCH_SCRIPT" | sed '$d; s/^# \{0,1\}//'; }

# ---------------------------------------------------------------- tools
# ensure_tools CMD[:PACKAGE]... — every CMD must be on the PATH; the Debian
# packages of those that are missing (PACKAGE, default CMD) are installed
# with apt-get (as root, or with `sudo -n`).
ensure_tools() {
    PATH=$PATH:/usr/sbin:/sbin   # nginx lives in /usr/sbin
    local spec missing=() packages=()
    for spec in "$@"; do
        command -v "${spec%%:*}" >/dev/null && continue
        missing+=("${spec%%:*}")
        if [[ $spec == *:* ]]; then packages+=("${spec#*:}"); else packages+=("$spec"); fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "missing: ${missing[*]} — installing ${packages[*]} via apt-get"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"
    for spec in "${missing[@]}"; do
        command -v "$spec" >/dev/null || die "$spec still missing after apt-get"
    done
}

# ---------------------------------------------------------------- processes
# shellcheck disable=SC2317  # runs from the scripts' EXIT traps
stop_pid() {   # stop_pid PID — TERM, wait up to 5 s, then KILL
    local pid=$1 _
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "pid $pid ignored SIGTERM; killing"; kill -KILL "$pid" 2>/dev/null || true; }
    wait "$pid" 2>/dev/null || true
}

# bounded SECONDS OUTFILE CMD... — run CMD with a hard time limit, output to
# OUTFILE. It runs in the background and we `wait` for it, so that a Ctrl-C
# or SIGTERM reaches our trap at once (bash postpones traps while a
# foreground command runs, and wrk treats SIGINT as "stop and report").
# The pid is in WRK_PID meanwhile, for the cleanup trap to stop.
bounded() {
    local secs=$1 out=$2 rc=0
    shift 2
    timeout "$secs" "$@" </dev/null >"$out" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || rc=$?
    WRK_PID=""
    return "$rc"
}

# ---------------------------------------------------------------- network
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {   # prints a loopback TCP port nothing is listening on
    local p _
    for _ in $(seq 200); do
        p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    die "could not find a free port"
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null || true; }

wait_for_200() {   # wait_for_200 URL PID WHAT — until URL answers 200 (30 s max)
    local url=$1 pid=$2 what=$3 _
    for _ in $(seq 300); do
        kill -0 "$pid" 2>/dev/null || die "$what exited during startup"
        [ "$(http_status "$url")" = 200 ] && return 0
        sleep 0.1
    done
    die "$what did not answer 200 on $url within 30 s"
}

# ---------------------------------------------------------------- wrk output
wrk_result() {   # wrk_result KEY FILE — value of KEY from the WRK_RESULT line
    awk -v k="$1" '$1 == "WRK_RESULT" { for (i = 2; i <= NF; i++) { split($i, a, "=");
                   if (a[1] == k) print a[2] } }' "$2"
}

# wrk_collect NAME FILE — FILE is the output of a wrk run with wrk_report.lua
# (or a script that includes it). Echoes it indented to stderr and sets
# RPS/P50/P99[NAME] and BAD[NAME] (socket errors + non-2xx responses).
# shellcheck disable=SC2034  # the arrays are read by the scripts
wrk_collect() {
    local name=$1 out=$2
    grep -q '^WRK_RESULT ' "$out" || { cat "$out" >&2; die "no WRK_RESULT line in the wrk output for $name"; }
    sed 's/^/    /' "$out" >&2
    RPS[$name]=$(wrk_result rps "$out")
    P50[$name]=$(wrk_result p50_ms "$out")
    P99[$name]=$(wrk_result p99_ms "$out")
    BAD[$name]=$(awk '$1 == "WRK_RESULT" { n = 0; for (i = 2; i <= NF; i++) { split($i, a, "=");
                      if (a[1] == "non2xx" || a[1] ~ /^errors_/) n += a[2] } print n }' "$out")
    [ "${BAD[$name]}" -eq 0 ] || log "$name: ${BAD[$name]} errors/non-2xx responses (see above)"
}

# ---------------------------------------------------------------- report
check_load() {   # sets LOAD_BEFORE; warns when other work on the box will skew the numbers
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > 0.5 * n) }'; then
        log "WARNING: load average is $LOAD_BEFORE on $(nproc) CPUs; results will be noisy"
    fi
}

machine_line() {   # machine_line WHO — "2 CPUs, MODEL, KERNEL; WHO share these CPUs; load ..."
    local cpu
    cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    echo "$(nproc) CPUs, ${cpu:-unknown CPU}, $(uname -sr); $1 share these CPUs; load average before the run: ${LOAD_BEFORE:-unknown}"
}

wrk_version() { { wrk --version 2>&1 || true; } | awk 'NR == 1 { print $1, $2 }'; }   # wrk --version exits 1

describe_binary() {   # describe_binary BINARY — "PATH (atbalsts X.Y.Z, CMAKE_BUILD_TYPE=...)"
    local bin=$1 v type="" cache
    v=$(timeout 5 "$bin" version 2>/dev/null | head -n 1) || true
    cache=$(dirname "$bin")/CMakeCache.txt
    if [ -f "$cache" ]; then
        type=$(awk -F= '/^CMAKE_BUILD_TYPE:/ { print $2 }' "$cache")
        grep -q '^ATBALSTS_SANITIZE:BOOL=ON$' "$cache" && type+=" + sanitizers"
    fi
    echo "$bin (${v:-version unknown}${type:+, CMAKE_BUILD_TYPE=$type})"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
fmt()   { awk -v x="$1" -v d="$2" 'BEGIN { printf "%.*f", d, x }'; }

# record_section NAME FILE [MD] — put FILE between `<!-- NAME:begin -->` and
# `<!-- NAME:end -->` in MD (default bench/BENCHMARKS.md), replacing what was
# there, or append the section if it is not there yet. Other sections stay.
record_section() {
    local name=$1 body=$2 md=${3:-bench/BENCHMARKS.md} section tmp
    section=$(mktemp)
    { echo "<!-- $name:begin -->"; cat "$body"; echo "<!-- $name:end -->"; } >"$section"
    if [ ! -f "$md" ]; then
        printf '%s\n' "# Benchmarks" "" \
            "Results written by the scripts in \`bench/\` (see \`bench/README.md\`)." \
            "Each section is regenerated in place by its script; numbers are only comparable on the same machine." >"$md"
    fi
    tmp=$(mktemp "$md.XXXXXX")
    if grep -qx "<!-- $name:begin -->" "$md" && grep -qx "<!-- $name:end -->" "$md"; then
        awk -v sf="$section" -v b="<!-- $name:begin -->" -v e="<!-- $name:end -->" '
            $0 == b { while ((getline l < sf) > 0) print l; skip = 1; next }
            $0 == e { skip = 0; next }
            !skip' "$md" >"$tmp"
    else
        { cat "$md"; [ -z "$(tail -c1 "$md")" ] || echo; echo; cat "$section"; } >"$tmp"
    fi
    rm -f "$section"
    chmod 644 "$tmp"
    mv "$tmp" "$md"
    log "updated $md (section $name)"
}

# check_load_options — DURATION, CONNECTIONS, THREADS and WARMUP are whole numbers wrk accepts.
check_load_options() {
    local v
    for v in DURATION CONNECTIONS THREADS WARMUP; do
        [[ ${!v} =~ ^[0-9]+$ ]] || die "--${v,,} must be a whole number, got '${!v}'"
    done
    if [ "$DURATION" -lt 1 ] || [ "$CONNECTIONS" -lt 1 ] || [ "$THREADS" -lt 1 ]; then
        die "--duration, --connections and --threads must be >= 1"
    fi
    [ "$CONNECTIONS" -ge "$THREADS" ] || die "wrk needs --connections >= --threads"
}

# pick_binary — sets BINARY to the release build unless given (debug build with a warning).
pick_binary() {
    if [ -z "$BINARY" ]; then
        BINARY=build/release/atbalsts
        if [ ! -x "$BINARY" ] && [ -x build/debug/atbalsts ]; then
            log "WARNING: $BINARY not found; using build/debug/atbalsts (a debug build — numbers are not representative)"
            BINARY=build/debug/atbalsts
        fi
    fi
    [ -x "$BINARY" ] || die "server binary '$BINARY' not found or not executable (build it, or pass --binary)"
}

# ---------------------------------------------------------------- a run against a server
# The scripts that start a server share its life: a temp dir T (setup.log, server.log, …), the
# server (SERVER_PID, SERVER_URL), a throwaway PostgreSQL (PGDIR, PG_URL) and wrk (WRK_PID).
T=""
PGDIR=""
PG_URL=""
SERVER_PID=""
SERVER_URL=""
declare -A P90   # filled by run_wrk, keyed by run name

# shellcheck disable=SC2317  # runs from the EXIT trap
bench_cleanup() {   # stops what the run started; on failure shows the end of its logs
    local rc=$? f
    trap - EXIT INT TERM
    stop_pid "$WRK_PID"
    stop_pid "$SERVER_PID"
    [ -n "$PGDIR" ] && { bash scripts/pg.sh stop "$PGDIR" >/dev/null 2>&1; rm -rf "$PGDIR"; }
    if [ -n "$T" ] && [ -d "$T" ]; then
        if [ "$rc" -ne 0 ]; then
            for f in "$T"/*.log; do
                [ -s "$f" ] && { log "--- last lines of ${f#"$T"/} ---"; tail -n 20 "$f" >&2; }
            done
        fi
        rm -rf "$T"
    fi
    exit "$rc"
}
bench_traps() {   # bench_cleanup on exit, Ctrl-C and TERM
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }   # elapsed START — seconds since

# sql DB QUERY — one query with the engine's command-line client, rows as `a|b|c`.
sql() {
    if [[ $1 == sqlite:* ]]; then sqlite3 -batch "${1#sqlite:}" "$2"; else psql "$1" -AtqF '|' -c "$2"; fi
}

# start_pg — a throwaway PostgreSQL server (scripts/pg.sh) in a temp dir; sets PG_URL, PG_VERSION.
start_pg() {
    PGDIR=$(mktemp -d /tmp/atbalsts-pg.XXXXXX)   # not under $T: the postgres user must reach it
    PG_URL=$(bash scripts/pg.sh start "$PGDIR")
    PG_VERSION="PostgreSQL $(psql "$PG_URL" -Atc 'SHOW server_version')"
    log "$PG_VERSION on ${PG_URL#*@} (scripts/pg.sh: fsync off)"
}

# start_server — BINARY serves DB with SERVER_THREADS threads on a free loopback port (log in
# $T/server.log); sets SERVER_PID and SERVER_URL once it answers /healthz.
start_server() {
    local port
    port=$(free_port)
    log "starting $BINARY serve --threads $SERVER_THREADS on 127.0.0.1:$port (log: server.log)"
    "$BINARY" serve --address 127.0.0.1 --port "$port" --database "$DB" --threads "$SERVER_THREADS" --web /nonexistent \
        </dev/null >>"$T/server.log" 2>&1 &
    SERVER_PID=$!
    SERVER_URL="http://127.0.0.1:$port"
    wait_for_200 "$SERVER_URL/healthz" "$SERVER_PID" "server"
}

# run_wrk NAME LUA CONNECTIONS THREADS [LUA ARGS...] — a warm-up of WARMUP seconds (the script
# gets one more argument, `warmup`), then a measured run of DURATION seconds; fills
# RPS/P50/P90/P99/BAD[NAME].
run_wrk() {
    local name=$1 lua=$2 c=$3 t=$4 out=$T/wrk-$1.txt
    shift 4
    if [ "$WARMUP" -gt 0 ]; then
        bounded $((WARMUP + 60)) "$T/warmup-$name.txt" wrk "-t$t" "-c$c" "-d${WARMUP}s" --timeout 30s -s "$lua" "$SERVER_URL" -- "$@" warmup \
            || { cat "$T/warmup-$name.txt" >&2; die "wrk warm-up for $name failed"; }
    fi
    log "measuring $name: wrk -t$t -c$c -d${DURATION}s --timeout 30s --latency -s $lua $*"
    bounded $((DURATION + 60)) "$out" wrk "-t$t" "-c$c" "-d${DURATION}s" --timeout 30s --latency -s "$lua" "$SERVER_URL" -- "$@" \
        || { cat "$out" >&2; die "wrk failed for $name"; }
    wrk_collect "$name" "$out"
    P90[$name]=$(wrk_result p90_ms "$out")
}

# pg_settings DB — "shared_buffers 2GB, fsync on, synchronous_commit on, full_page_writes on":
# the server settings that move the figures, for the report.
pg_settings() {
    psql "$1" -Atq -c "SELECT name || ' ' || current_setting(name) FROM pg_settings
        WHERE name IN ('shared_buffers', 'fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name" | paste -sd, - | sed 's/,/, /g'
}

# open_or_generate NAME — sets DB and GEN_SECONDS: the given DATABASE (migrated), or a new
# database NAME of ENGINE (a throwaway PostgreSQL, or a file in $T) with PERSONS generated persons
# and CASES cases (`atbalsts demo --persons --cases`, a fresh key file in $T).
open_or_generate() {
    local start
    GEN_SECONDS="–"
    if [ -n "$DATABASE" ]; then
        DB=$DATABASE
        [ -n "${ATBALSTS_KEY_FILE:-}" ] || log "WARNING: ATBALSTS_KEY_FILE is not set: notes open only with the key file they were sealed with"
        log "using the generated database $DB"
        "$BINARY" migrate --database "$DB" >"$T/setup.log" 2>&1 || die "migrate failed"
        return
    fi
    export ATBALSTS_KEY_FILE="$T/key"
    if [ "$ENGINE" = postgresql ]; then
        start_pg
        psql "$PG_URL" -qc "CREATE DATABASE $1" >/dev/null
        DB="${PG_URL%/*}/$1"
    else
        DB="sqlite:$T/$1.db"
    fi
    log "generating $PERSONS persons and $CASES cases into $DB (atbalsts demo --persons $PERSONS --cases $CASES)"
    start=$(now)
    { "$BINARY" migrate --database "$DB" && "$BINARY" demo --database "$DB" --persons "$PERSONS" --cases "$CASES"; } \
        >"$T/setup.log" 2>&1 || die "generating the data failed"
    GEN_SECONDS=$(elapsed "$start")
    tail -n 4 "$T/setup.log" >&2
}

# Sequential timing of one request (a report or a dashboard, opened by one person at a time).
declare -A Q50 Q99 QMAX QBYTES
# measure NAME PATH — WARMUP requests, then REQUESTS timed requests one after another with
# $TOKEN against $SERVER_URL (ms, one a line in $T/times-NAME.txt); sets Q50, Q99, QMAX and
# QBYTES for NAME (nearest-rank percentiles). Dies when a request does not answer 200.
measure() {
    local name=$1 path=$2 out=$T/times-$1.txt code t size i
    log "measuring $name: $REQUESTS × GET $path"
    for ((i = 0; i < WARMUP; i++)); do
        curl -s -o /dev/null --max-time 120 -H "Authorization: Bearer $TOKEN" "$SERVER_URL$path" || true
    done
    : >"$out"
    for ((i = 0; i < REQUESTS; i++)); do
        read -r code t size < <(curl -s -o /dev/null --max-time 120 -w '%{http_code} %{time_total} %{size_download}\n' \
            -H "Authorization: Bearer $TOKEN" "$SERVER_URL$path")
        [ "$code" = 200 ] || die "GET $path answered $code"
        awk -v t="$t" 'BEGIN { printf "%.3f\n", t * 1000 }' >>"$out"
        QBYTES[$name]=$size
    done
    sort -n "$out" -o "$out"
    Q50[$name]=$(awk '{ v[NR] = $1 } END { i = int(NR * 0.50 + 0.999999); print v[i < 1 ? 1 : i] }' "$out")
    Q99[$name]=$(awk '{ v[NR] = $1 } END { i = int(NR * 0.99 + 0.999999); print v[i < 1 ? 1 : i] }' "$out")
    QMAX[$name]=$(tail -n 1 "$out")
}

# director_bench NAME "$@" — the options and the data of the benchmarks that time one
# director's reports one request after another (bench/reports.sh, bench/statutory.sh; each sets
# the defaults of BINARY ENGINE DATABASE PERSONS CASES REQUESTS WARMUP USER_NAME RECORD and has a
# `usage`). Parses and checks the options, picks the binary, sets CMD (how the run was started),
# then the tools, the load check, the work directory $T and the database (open_or_generate NAME)
# with PG_VERSION, DB_SIZE (MiB) and the counts N_PERSONS N_CASES N_INTAKES N_REFERRALS
# N_DECISIONS.
director_bench() {
    local name=$1
    shift
    while [ $# -gt 0 ]; do
        case "$1" in
            --binary|--engine|--database|--persons|--cases|--requests|--warmup|--user)
                [ $# -ge 2 ] || die "$1 needs a value"
                case "$1" in
                    --binary) BINARY=$2 ;; --engine) ENGINE=$2 ;; --database) DATABASE=$2 ;; --persons) PERSONS=$2 ;;
                    --cases) CASES=$2 ;; --requests) REQUESTS=$2 ;; --warmup) WARMUP=$2 ;; --user) USER_NAME=$2 ;;
                esac
                shift 2 ;;
            --no-record) RECORD=0; shift ;;
            -h|--help) usage; exit 0 ;;
            *) die "unknown argument: $1 (see --help)" ;;
        esac
    done
    local v
    for v in PERSONS CASES REQUESTS WARMUP; do [[ ${!v} =~ ^[0-9]+$ ]] || die "--${v,,} must be a whole number"; done
    [ "$REQUESTS" -ge 1 ] || die "--requests must be at least 1"
    [[ $USER_NAME =~ ^[A-Za-z0-9._-]+$ ]] || die "--user: letters, digits, . _ - only"
    case "$ENGINE" in sqlite|postgresql) ;; *) die "--engine is sqlite or postgresql" ;; esac
    if [ -n "$DATABASE" ]; then case "$DATABASE" in postgres*) ENGINE=postgresql ;; *) ENGINE=sqlite ;; esac; fi
    pick_binary

    CMD="bash bench/$name.sh --binary $BINARY --engine $ENGINE --requests $REQUESTS --warmup $WARMUP"
    if [ -n "$DATABASE" ]; then CMD+=" --database …"; else CMD+=" --persons $PERSONS --cases $CASES"; fi

    bench_traps
    ensure_tools curl timeout:coreutils
    if [ "$ENGINE" = sqlite ]; then ensure_tools sqlite3; else ensure_tools psql:postgresql-client; fi
    check_load
    T=$(mktemp -d "${TMPDIR:-/tmp}/atbalsts-bench-$name.XXXXXX")
    open_or_generate "$name"
    if [ "$ENGINE" = postgresql ]; then PG_VERSION="PostgreSQL $(psql "$DB" -Atc 'SHOW server_version')"; fi
    sync
    N_PERSONS=$(sql "$DB" "SELECT COUNT(*) FROM person")
    N_CASES=$(sql "$DB" "SELECT COUNT(*) FROM case_file")
    N_INTAKES=$(sql "$DB" "SELECT COUNT(*) FROM intake")
    N_REFERRALS=$(sql "$DB" "SELECT COUNT(*) FROM referral")
    N_DECISIONS=$(sql "$DB" "SELECT COUNT(*) FROM assistance_decision")
    if [ "$ENGINE" = sqlite ]; then
        DB_SIZE=$(du -m "${DB#sqlite:}" | cut -f1)
    else
        DB_SIZE=$(sql "$DB" "SELECT pg_database_size(current_database()) / 1048576")
    fi
}
