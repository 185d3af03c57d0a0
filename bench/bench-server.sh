#!/bin/sh
# Benchmarks of civicdesk-server on the reference data (DESIGN.md):
# authenticated single-entity GETs and change-feed pages with 64
# connections, each beside bench-public-bare, a bare SoupServer answering
# the same requests with the same bytes captured from the service; and
# commands per second. Prints BENCH lines. The commands change the data:
# run it last.
#
#   bench/bench-server.sh BUILDDIR DATADIR
set -eu

build=$1
data=$2
server="$build/src/server/civicdesk-server"
bare="$build/bench/bench-public-bare"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/civicdesk-bench-XXXXXX)
pid=
bare_pid=
trap 'for p in $pid $bare_pid; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

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
supervisor=$(token supervisor)
examiner=$(token examiner)

# The same requests for both: 500 cases and 200 cursors of the feed,
# drawn once, the same in every run
shuf -n 500 --random-source=/dev/zero "$work/all-ids" > "$work/ids"
seq 0 "$head_seq" | shuf -n 200 --random-source=/dev/zero > "$work/afters"

# The reference answers each with what the service answered, byte for byte
: > "$work/manifest"
capture () {
    file="$work/body-$(echo "$2" | md5sum | cut -c1-16)"
    curl -sf -H "Authorization: Bearer $1" -o "$file" "$base$2" ||
        { echo "bench-server: $2 answered an error" >&2; exit 1; }
    echo "$2 $file application/json" >> "$work/manifest"
}
while read -r id; do capture "$supervisor" "/api/v1/cases/$id"; done < "$work/ids"
while read -r after; do capture "$examiner" "/api/v1/changes?limit=100&after=$after"; done < "$work/afters"
"$bare" "$work/bare-port" "@$work/manifest" &
bare_pid=$!
for _ in $(seq 1 100); do [ -s "$work/bare-port" ] && break; sleep 0.1; done
bare_base="http://127.0.0.1:$(cat "$work/bare-port")"

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

# NAME SCRIPT: the same wrk run on the service and on the reference
# (the script reads its token and requests from the environment)
beside_bare () {
    wrk -t2 -c64 -d10s --latency -s "$here/$2.lua" "$base" > "$work/$1.log"
    wrk -t2 -c64 -d10s --latency -s "$here/$2.lua" "$bare_base" > "$work/$1-bare.log"
    report "$1" "$work/$1.log"
    service=$(awk '/^Requests\/sec:/ { print $2 }' "$work/$1.log")
    reference=$(awk '/^Requests\/sec:/ { print $2 }' "$work/$1-bare.log")
    echo "BENCH ${1}_reference $reference req/s"
    echo "BENCH ${1}_vs_bare $(echo "scale=2; $service / $reference" | bc | sed 's/^\./0./') x"
}

CIVIC_TOKEN=$supervisor CIVIC_IDS="$work/ids" beside_bare server_get_case get-case
CIVIC_TOKEN=$examiner CIVIC_AFTERS="$work/afters" beside_bare server_changes_page_100 changes

CIVIC_TOKEN=$examiner CIVIC_IDS="$work/own-ids" \
    wrk -t2 -c64 -d10s --latency -s "$here/commands.lua" "$base" > "$work/commands.log"
rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/commands.log")
echo "BENCH server_commands $rps commands/s"
report server_commands "$work/commands.log" | grep _p99
