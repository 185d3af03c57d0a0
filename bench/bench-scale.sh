#!/bin/sh
# The service on SQLite, on PostgreSQL with one process, and on PostgreSQL
# with two processes behind HAProxy, on the same data, in the same run:
# authenticated single-case GETs, feed pages of 100 and commands per
# second under wrk with 64 connections (the scripts of bench-server.sh),
# and the time `civicdesk-server migrate` takes to move the data from the
# SQLite file to PostgreSQL. The cluster is a durable one (fsync on), in a
# folder of its own. Prints BENCH lines.
#
#   bench/bench-scale.sh BUILDDIR [CASES] [SECONDS]
set -eu

build=$1
cases=${2:-20000}
seconds=${3:-10}
top=$(cd "$(dirname "$0")/.." && pwd)
here="$top/bench"
server="$build/src/server/civicdesk-server"
work=$(mktemp -d /tmp/civicdesk-bench-scale-XXXXXX)
chmod 711 "$work"
pids=
stop_all () {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    for p in $pids; do wait "$p" 2>/dev/null || true; done
    pids=
}
trap 'stop_all; "$top/build-aux/pg-cluster.sh" stop "$work/pg" 2>/dev/null
      [ -n "${CIVICDESK_BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT

export CIVICDESK_NOW=2026-11-20T10:00:00+08:00
export CIVICDESK_CALENDAR_DIR="$top/data/calendars" CIVICDESK_TEMPLATE_DIR="$top/data/templates"
export CIVICDESK_MESSAGE_CLOCKS_DIR="$top/data/message-clocks" CIVICDESK_DEMO_DIR="$top/data/demo"

"$server" demo --data-dir "$work/lite" --cases "$cases" --password bench-password >/dev/null 2>&1
sqlite3 "$work/lite/civicdesk.db" "SELECT id FROM case_record" > "$work/all-ids"
sqlite3 "$work/lite/civicdesk.db" \
    "SELECT id FROM case_record WHERE department_id = 'scjg' AND state != 'closed'" > "$work/own-ids"

"$top/build-aux/pg-cluster.sh" start "$work/pg" --port 25432
"$top/build-aux/pg-cluster.sh" createdb "$work/pg" civicdesk
uri="postgresql://civicdesk@/civicdesk?host=$work/pg&port=25432"

# The move, timed: a copy of the folder, so that the SQLite runs keep theirs
mkdir -p "$work/pg1"
cp -a "$work/lite/civicdesk.db" "$work/lite/keys" "$work/pg1/"
start=$(date +%s.%N)
"$server" migrate --data-dir "$work/pg1" --to "$uri" >/dev/null
end=$(date +%s.%N)
echo "BENCH scale_migrate_${cases}_cases $(printf '%.1f' "$(echo "$end - $start" | bc)") s"
rm "$work/pg1/civicdesk.db"
mkdir -p "$work/pg2"
cp -a "$work/pg1/keys" "$work/pg1/civicdesk.conf" "$work/pg2/"

serve () {
    folder=$1
    listen=$2
    rm -f "$folder/port"
    "$server" serve --data-dir "$folder" --listen "$listen" --port-file "$folder/port" --quiet \
        --trusted-proxy 127.0.0.1 2>"$folder/serve.log" &
    pids="$pids $!"
    for _ in $(seq 1 600); do [ -s "$folder/port" ] && break; sleep 0.1; done
}

token () {
    curl -sf -d "{\"username\":\"$2\",\"password\":\"bench-password\"}" "$1/api/v1/session" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

# A run whose answers were not all 2xx measured refusals, not work
check () {
    if grep -q "Non-2xx" "$1"; then
        echo "bench-scale: $2: $(grep Non-2xx "$1")" >&2
        exit 1
    fi
}

run_wrk () {
    name=$1
    base=$2
    head_seq=$(curl -sf "$base/api/v1/health" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["seq"])')
    CIVIC_TOKEN=$(token "$base" supervisor) CIVIC_IDS="$work/all-ids" \
        wrk -t2 -c64 -d"${seconds}s" -s "$here/get-case.lua" "$base" > "$work/get.log"
    check "$work/get.log" "${name}_get_case"
    echo "BENCH ${name}_get_case $(awk '/^Requests\/sec:/ { print $2 }' "$work/get.log") req/s"
    CIVIC_TOKEN=$(token "$base" examiner) CIVIC_HEAD=$head_seq \
        wrk -t2 -c64 -d"${seconds}s" -s "$here/changes.lua" "$base" > "$work/changes.log"
    check "$work/changes.log" "${name}_changes_page_100"
    echo "BENCH ${name}_changes_page_100 $(awk '/^Requests\/sec:/ { print $2 }' "$work/changes.log") req/s"
    CIVIC_TOKEN=$(token "$base" examiner) CIVIC_IDS="$work/own-ids" \
        wrk -t2 -c64 -d"${seconds}s" -s "$here/commands.lua" "$base" > "$work/commands.log"
    check "$work/commands.log" "${name}_commands"
    echo "BENCH ${name}_commands $(awk '/^Requests\/sec:/ { print $2 }' "$work/commands.log") commands/s"
}

# SQLite, one process
serve "$work/lite" 127.0.0.1:0
run_wrk scale_sqlite "http://127.0.0.1:$(cat "$work/lite/port")"
stop_all

# PostgreSQL, one process
serve "$work/pg1" 127.0.0.1:0
run_wrk scale_pg_1 "http://127.0.0.1:$(cat "$work/pg1/port")"
stop_all

# PostgreSQL, two processes behind HAProxy
serve "$work/pg1" 127.0.0.1:0
serve "$work/pg2" 127.0.0.1:0
CIVIC_LB_BIND=127.0.0.1:25480 CIVIC_SERVICE_1="127.0.0.1:$(cat "$work/pg1/port")" \
    CIVIC_SERVICE_2="127.0.0.1:$(cat "$work/pg2/port")" \
    haproxy -db -f "$top/deploy/haproxy.cfg" 2>"$work/haproxy.log" &
pids="$pids $!"
for _ in $(seq 1 100); do
    curl -sf http://127.0.0.1:25480/api/v1/health >/dev/null 2>&1 && break
    sleep 0.1
done
run_wrk scale_pg_2_haproxy http://127.0.0.1:25480
stop_all
