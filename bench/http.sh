#!/usr/bin/env bash
# bench/http.sh — HTTP throughput/latency of the Atbalsts server, measured
# against nginx serving static files of exactly the same size.
#
# Usage (from the repo root):
#   bash bench/http.sh [--binary build/release/atbalsts] [--duration 10]
#                      [--connections 64] [--threads 2] [--warmup 1]
#                      [--url http://127.0.0.1:PORT] [--no-record]
#
#   --binary       server binary (default build/release/atbalsts, falling back
#                  to build/debug/atbalsts with a warning if only that exists)
#   --duration     seconds per measured wrk run (default 10)
#   --connections  concurrent keep-alive connections (default 64)
#   --threads      wrk threads (default 2)
#   --warmup       seconds of unmeasured wrk load before each run (default 1, 0 = none)
#   --url          benchmark an already-running server at this base URL instead
#                  of creating a database and starting one (loopback only)
#   --no-record    print the results but do not touch bench/BENCHMARKS.md
#
# Exit status is non-zero if anything fails to start or if any wrk run saw
# socket errors or non-2xx responses; BENCHMARKS.md is only updated when all
# runs were clean. All load goes to 127.0.0.1 and every run is time-bounded.
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
SERVER_URL=""
RECORD=1
BUDGET_RATIO=0.5          # cached JSON read must reach >= 0.5x nginx req/s ...
BUDGET_CONNECTIONS=64     # ... at 64 connections
MD=bench/BENCHMARKS.md
LUA=bench/wrk_report.lua

T=""            # temp dir
SERVER_PID=""
NGINX_PID=""

# ---------------------------------------------------------------- arguments
while [ $# -gt 0 ]; do
    case "$1" in
        --binary|--duration|--connections|--threads|--warmup|--url)
            [ $# -ge 2 ] || die "$1 needs a value"
            case "$1" in
                --binary) BINARY=$2 ;;  --duration) DURATION=$2 ;;
                --connections) CONNECTIONS=$2 ;;  --threads) THREADS=$2 ;;
                --warmup) WARMUP=$2 ;;  --url) SERVER_URL=${2%/} ;;
            esac
            shift 2 ;;
        --no-record) RECORD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done

check_load_options
if [ -n "$SERVER_URL" ]; then
    [[ $SERVER_URL =~ ^http://(127\.0\.0\.1|localhost)(:[0-9]+)?$ ]] \
        || die "--url must be http://127.0.0.1:PORT (loopback only)"
fi

if [ -z "$SERVER_URL" ]; then
    pick_binary
fi

# The exact, reproducible command for the report.
CMD="bash bench/http.sh"
[ -n "$SERVER_URL" ] && CMD+=" --url $SERVER_URL" || CMD+=" --binary $BINARY"
CMD+=" --duration $DURATION --connections $CONNECTIONS --threads $THREADS"
[ "$WARMUP" != 1 ] && CMD+=" --warmup $WARMUP"

# ---------------------------------------------------------------- processes
# shellcheck disable=SC2317  # runs from the EXIT trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$WRK_PID"   # timeout(1) passes the SIGTERM on to wrk
    stop_pid "$SERVER_PID"
    stop_pid "$NGINX_PID"
    if [ -n "$T" ] && [ -d "$T" ]; then
        if [ "$rc" -ne 0 ]; then
            local f
            for f in "$T/setup.log" "$T/server.log" "$T/nginx/stderr.log" "$T/nginx/error.log"; do
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

fetch_body() {   # fetch_body URL FILE — body must come with status 200
    local code
    code=$(curl -s -o "$2" -w '%{http_code}' --max-time 10 "$1") || die "GET $1 failed"
    [ "$code" = 200 ] || die "GET $1 returned $code, expected 200"
}

# ---------------------------------------------------------------- server
start_server() {   # sets SERVER_URL and SERVER_PID
    local db="sqlite:$T/bench.db" port web=()
    log "creating demo database in $T/bench.db"
    { "$BINARY" migrate --database "$db" && "$BINARY" demo --database "$db"; } \
        >"$T/setup.log" 2>&1 || die "'$BINARY migrate/demo' failed"
    [ -d web/dist ] && web=(--web web/dist)
    port=$(free_port)
    log "starting $BINARY serve on 127.0.0.1:$port (log: server.log)"
    "$BINARY" serve --address 127.0.0.1 --port "$port" --database "$db" "${web[@]}" >"$T/server.log" 2>&1 &
    SERVER_PID=$!
    SERVER_URL="http://127.0.0.1:$port"
    wait_for_200 "$SERVER_URL/healthz" "$SERVER_PID" "server"
}

# ---------------------------------------------------------------- nginx
start_nginx() {   # start_nginx DOCROOT — sets NGINX_URL and NGINX_PID
    local docroot=$1 dir=$T/nginx port
    port=$(free_port)
    mkdir -p "$dir"
    cat >"$dir/nginx.conf" <<EOF
# Temporary config written by bench/http.sh. Close to Debian's stock
# nginx.conf (sendfile, tcp_nopush), minus logging.
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    types { }
    default_type application/json;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    server {
        listen 127.0.0.1:$port;
        root $docroot;
        location / { try_files \$uri =404; }
    }
}
EOF
    nginx -q -t -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" 2>>"$dir/stderr.log" \
        || die "nginx rejected its config ($dir/nginx.conf)"
    log "starting nginx on 127.0.0.1:$port"
    nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" 2>>"$dir/stderr.log" &
    NGINX_PID=$!
    NGINX_URL="http://127.0.0.1:$port"
    wait_for_200 "$NGINX_URL/version.json" "$NGINX_PID" "nginx"
}

# ---------------------------------------------------------------- wrk
run_wrk() {   # run_wrk NAME URL
    local name=$1 url=$2 out=$T/wrk-$1.txt
    local wrk_cmd=(wrk "-t$THREADS" "-c$CONNECTIONS" "-d${DURATION}s" --latency -s "$LUA" "$url")
    if [ "$WARMUP" -gt 0 ]; then
        bounded $((WARMUP + 30)) /dev/null wrk "-t$THREADS" "-c$CONNECTIONS" "-d${WARMUP}s" "$url" \
            || die "wrk warm-up against $url failed"
    fi
    log "measuring $name: ${wrk_cmd[*]}"
    bounded $((DURATION + 60)) "$out" "${wrk_cmd[@]}" || { cat "$out" >&2; die "wrk failed for $name"; }
    wrk_collect "$name" "$out"
}

# ---------------------------------------------------------------- main
ensure_tools wrk nginx curl timeout:coreutils
check_load   # other work on the box skews every number
[ -f "$LUA" ] || die "$LUA not found"
T=$(mktemp -d "${TMPDIR:-/tmp}/atbalsts-bench.XXXXXX")
chmod 711 "$T"   # nginx workers (user nobody) must traverse it to reach www/
mkdir -m 755 "$T/www"

if [ -z "$SERVER_URL" ]; then
    start_server
else
    log "using already-running server at $SERVER_URL"
    [ "$(http_status "$SERVER_URL/healthz")" = 200 ] || die "$SERVER_URL/healthz did not answer 200"
fi

# Static twins: the very same bytes the server returns, served by nginx.
fetch_body "$SERVER_URL/api/v1/version" "$T/www/version.json"
fetch_body "$SERVER_URL/api/v1/municipality" "$T/www/municipality.json"
chmod 644 "$T/www/"*.json
VERSION_BYTES=$(wc -c <"$T/www/version.json" | tr -d ' ')
MUNI_BYTES=$(wc -c <"$T/www/municipality.json" | tr -d ' ')
SERVER_VERSION=$(tr -d '\n' <"$T/www/version.json" | cut -c1-200)
start_nginx "$T/www"
for f in version municipality; do   # nginx must serve exactly the same byte count
    [ "$(curl -s --max-time 5 "$NGINX_URL/$f.json" | wc -c | tr -d ' ')" = "$(wc -c <"$T/www/$f.json" | tr -d ' ')" ] \
        || die "nginx copy of $f.json has the wrong size"
done

run_wrk nginx_version "$NGINX_URL/version.json"
run_wrk server_version "$SERVER_URL/api/v1/version"
run_wrk nginx_municipality "$NGINX_URL/municipality.json"
run_wrk server_municipality "$SERVER_URL/api/v1/municipality"

# ---------------------------------------------------------------- report
TOTAL_BAD=0
for k in "${!BAD[@]}"; do TOTAL_BAD=$((TOTAL_BAD + BAD[$k])); done

row() {   # row LABEL NAME BASELINE_NAME
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$(fmt "${RPS[$2]}" 0)" "$(fmt "${P50[$2]}" 2)" \
        "$(fmt "${P99[$2]}" 2)" "$(ratio "${RPS[$2]}" "${RPS[$3]}")"
}
TABLE=$(
    echo "| endpoint | req/s | p50 ms | p99 ms | ratio to nginx |"
    echo "|---|---:|---:|---:|---:|"
    row "nginx static file, $VERSION_BYTES B" nginx_version nginx_version
    row "server \`GET /api/v1/version\` (cached JSON, $VERSION_BYTES B)" server_version nginx_version
    row "nginx static file, $MUNI_BYTES B" nginx_municipality nginx_municipality
    row "server \`GET /api/v1/municipality\` (SQLite read, $MUNI_BYTES B)" server_municipality nginx_municipality
)

VERSION_RATIO=$(ratio "${RPS[server_version]}" "${RPS[nginx_version]}")
VERDICT=$(awk -v r="$VERSION_RATIO" -v b="$BUDGET_RATIO" 'BEGIN { print (r + 0 >= b + 0 ? "PASS" : "FAIL") }')
BUDGET_LINE="Budget: cached JSON read ≥ ${BUDGET_RATIO}× nginx req/s at $BUDGET_CONNECTIONS connections — **$VERDICT** (measured ${VERSION_RATIO}×"
if [ "$CONNECTIONS" -ne "$BUDGET_CONNECTIONS" ]; then
    BUDGET_LINE+=" at $CONNECTIONS connections, not $BUDGET_CONNECTIONS: indicative only)"
else
    BUDGET_LINE+=")"
fi

MACHINE=$(machine_line "wrk, nginx and the server")
TOOLS="$(nginx -v 2>&1 | sed "s/^nginx version: //"), $(wrk_version)"

echo
echo "$TABLE"
echo
echo "${BUDGET_LINE//\*\*/}"

if [ "$TOTAL_BAD" -ne 0 ]; then
    for k in nginx_version server_version nginx_municipality server_municipality; do
        [ "${BAD[$k]}" -eq 0 ] || log "$k: ${BAD[$k]} socket errors / non-2xx responses"
    done
    die "some runs had errors or non-2xx responses; $MD not updated"
fi

record() {   # write the http section of BENCHMARKS.md
    local section=$T/section.md
    {
        echo "## HTTP: server vs. nginx static files of the same size"
        echo
        echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "- Machine: $MACHINE"
        if [ -n "$BINARY" ]; then
            echo "- Server binary: $(describe_binary "$BINARY")"
        else
            echo "- Server binary: already-running server at $SERVER_URL"
        fi
        echo "- Tools: $TOOLS"
        echo "- Server \`/api/v1/version\`: \`$SERVER_VERSION\`"
        echo "- Command: \`$CMD\`"
        echo "- Each row: \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency -s $LUA\` $([ "$WARMUP" -gt 0 ] && echo "after a ${WARMUP}s warm-up" || echo "without warm-up"); 0 errors, 0 non-2xx responses."
        echo
        echo "$TABLE"
        echo
        echo "$BUDGET_LINE"
    } >"$section"
    record_section http "$section" "$MD"
}

[ "$RECORD" -eq 1 ] && record
exit 0
