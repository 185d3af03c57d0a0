#!/bin/sh
# Benchmarks of civicdesk-server on the reference data (DESIGN.md):
# authenticated single-entity GETs and change-feed pages with 64
# connections, and commands per second. Prints BENCH lines. The commands
# change the data: run it last.
#
#   bench/bench-server.sh BUILDDIR DATADIR
set -eu

build=$1
data=$2
server="$build/src/server/civicdesk-server"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/civicdesk-bench-XXXXXX)
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; rm -rf "$work"' EXIT

export CIVICDESK_NOW=2026-11-20T10:00:00+08:00

"$server" serve --data-dir "$data" --listen 127.0.0.1:0 --port-file "$work/port" --quiet \
    2> "$work/serve.log" &
pid=$!
for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"

token () {
    curl -sf -d "{\"username\":\"$1\",\"password\":\"bench-password\"}" "$base/api/v1/session" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

sqlite3 "$data/civicdesk.db" "SELECT id FROM case_record" > "$work/all-ids"
sqlite3 "$data/civicdesk.db" \
    "SELECT id FROM case_record WHERE department_id = 'scjg' AND state != 'closed'" > "$work/own-ids"
head_seq=$(curl -sf "$base/api/v1/health" | python3 -c 'import json, sys; print(json.load(sys.stdin)["seq"])')

# wrk prints "Requests/sec: N" and, with --latency, "99%  12.34ms".
report () {
    name=$1
    log=$2
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$log")
    p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
                             else if (v ~ /ms$/) { sub(/ms$/, "", v) }
                             else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }
                             printf "%.2f", v }' "$log")
    echo "BENCH ${name}_throughput $rps req/s"
    echo "BENCH ${name}_p99 $p99 ms"
}

CIVIC_TOKEN=$(token supervisor) CIVIC_IDS="$work/all-ids" \
    wrk -t2 -c64 -d10s --latency -s "$here/get-case.lua" "$base" > "$work/get.log"
report server_get_case "$work/get.log"

CIVIC_TOKEN=$(token examiner) CIVIC_HEAD=$head_seq \
    wrk -t2 -c64 -d10s --latency -s "$here/changes.lua" "$base" > "$work/changes.log"
report server_changes_page_100 "$work/changes.log"

CIVIC_TOKEN=$(token examiner) CIVIC_IDS="$work/own-ids" \
    wrk -t2 -c64 -d10s --latency -s "$here/commands.lua" "$base" > "$work/commands.log"
rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/commands.log")
echo "BENCH server_commands $rps commands/s"
report server_commands "$work/commands.log" | grep _p99
