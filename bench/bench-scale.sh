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

# CPU time, in clock ticks, of the service processes, of PostgreSQL's
# (its backends and its writers) and of HAProxy, so far: a run's difference, divided by its requests, says
# where each request's time went
ticks () {
    case "$1" in
    # This run's own processes, by name
    service|lb)
        [ "$1" = service ] && want=civicdesk-serve || want=haproxy
        list=
        for p in $pids; do
            [ "$(cat /proc/"$p"/comm 2>/dev/null)" != "$want" ] || list="$list $p"
        done
        ;;
    # This run's cluster only: its processes' working folder is its data
    db)
        list=
        for p in $(pgrep -x postgres || true); do
            [ "$(readlink "/proc/$p/cwd" 2>/dev/null)" != "$work/pg/data" ] || list="$list $p"
        done
        ;;
    esac
    total=0
    for p in $list; do
        t=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)
        total=$((total + t))
    done
    echo "$total"
}

# Milliseconds of CPU per request for each part, from the ticks before a
# run and the requests it made
# (sh has no local variables: these names are its own)
cpu_per_request () {
    cpu_name=$1
    cpu_requests=$2
    shift 2
    for cpu_part in service db lb; do
        cpu_before=$1
        shift
        cpu_after=$(ticks "$cpu_part")
        # PostgreSQL idles beside the SQLite runs; HAProxy is not in all
        case "$cpu_name:$cpu_part" in scale_sqlite*:db) continue ;; esac
        # A backend that ended during the run took its ticks with it: no
        # figure rather than a wrong one
        [ "$cpu_after" -gt 0 ] && [ "$cpu_after" -ge "$cpu_before" ] && [ "$cpu_requests" -gt 0 ] ||
            continue
        echo "BENCH ${cpu_name}_cpu_${cpu_part} $(echo "scale=3; ($cpu_after - $cpu_before) * 1000 / $(getconf CLK_TCK) / $cpu_requests" | bc) ms/request"
    done
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
    for run in get_case:get-case:supervisor:all-ids:req/s \
               changes_page_100:changes:examiner::req/s \
               commands:commands:examiner:own-ids:commands/s; do
        what=${run%%:*}; rest=${run#*:}
        script=${rest%%:*}; rest=${rest#*:}
        user=${rest%%:*}; rest=${rest#*:}
        ids=${rest%%:*}; unit=${rest#*:}
        log="$work/$what.log"
        # Signed in before the ticks are read: a sign-in's password hash
        # is not the run's work
        tok=$(token "$base" "$user")
        set -- "$(ticks service)" "$(ticks db)" "$(ticks lb)"
        CIVIC_TOKEN=$tok CIVIC_IDS="${ids:+$work/$ids}" CIVIC_HEAD=$head_seq \
            wrk -t2 -c64 -d"${seconds}s" -s "$here/$script.lua" "$base" > "$log"
        check "$log" "${name}_$what"
        echo "BENCH ${name}_$what $(awk '/^Requests\/sec:/ { print $2 }' "$log") $unit"
        cpu_per_request "${name}_$what" "$(awk '/requests in/ { print $1 }' "$log")" "$@"
    done
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
