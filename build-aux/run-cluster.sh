#!/bin/sh
# A province's deployment on one machine, for a try-out: PostgreSQL 15,
# two civicdesk-server processes on it, and HAProxy in front of them, all
# in a folder of their own and stopped together (Ctrl-C). The service
# holds the demo's data; Civic Desk connects to the load balancer like to
# any service (its sign-in page: the address below, a demo account).
#
#   build-aux/run-cluster.sh [--port N] [--cases N] [--client] [FOLDER]
#
#   --port N    where HAProxy listens (8080); the processes take N+1, N+2
#               and PostgreSQL N+3
#   --cases N   how many demo cases (2000)
#   --client    start Civic Desk too, pointed at the load balancer
#   FOLDER      kept after the run (default: a temporary one, removed)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

port=8080
cases=2000
client=
folder=
while [ $# -gt 0 ]; do
    case "$1" in
    --port) port=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --client) client=1; shift ;;
    -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) folder=$1; shift ;;
    esac
done

build-aux/install-deps.sh
if [ ! -f _build/build.ninja ]; then
    meson setup _build
fi
meson compile -C _build >/dev/null

keep=
if [ -n "$folder" ]; then
    mkdir -p "$folder"
    folder=$(cd "$folder" && pwd)
    keep=1
else
    folder=$(mktemp -d /tmp/civicdesk-cluster-XXXXXX)
fi
# PostgreSQL runs as another user (nobody, when this runs as root): it
# may pass through the folder, not list it
chmod 711 "$folder"

server="$top/_build/src/server/civicdesk-server"
export CIVICDESK_CALENDAR_DIR="$top/data/calendars"
export CIVICDESK_TEMPLATE_DIR="$top/data/templates"
export CIVICDESK_MESSAGE_CLOCKS_DIR="$top/data/message-clocks"
export CIVICDESK_DEMO_DIR="$top/data/demo"
export CIVICDESK_LOCALEDIR="$top/_build/po"

pids=
stop () {
    trap - EXIT INT TERM
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    for pid in $pids; do wait "$pid" 2>/dev/null || true; done
    build-aux/pg-cluster.sh stop "$folder/postgresql" 2>/dev/null || true
    if [ -z "$keep" ]; then rm -rf "$folder"; fi
}
trap stop EXIT INT TERM

pg_port=$((port + 3))
if [ ! -f "$folder/postgresql/data/PG_VERSION" ]; then
    echo "PostgreSQL: a new cluster in $folder/postgresql, on 127.0.0.1:$pg_port"
    build-aux/pg-cluster.sh start "$folder/postgresql" --port "$pg_port"
    build-aux/pg-cluster.sh createdb "$folder/postgresql" civicdesk
else
    build-aux/pg-cluster.sh start "$folder/postgresql" --port "$pg_port"
fi
uri="postgresql://civicdesk@127.0.0.1:$pg_port/civicdesk"

# One data folder per process: the keys (the same in both) and where the
# records are
for n in 1 2; do
    mkdir -p "$folder/service$n"
    printf '[database]\nuri=%s\n' "$uri" >"$folder/service$n/civicdesk.conf"
done
if [ ! -d "$folder/service1/keys" ]; then
    echo "The demo's data: $cases cases, its disclosures and messages…"
    "$server" demo --data-dir "$folder/service1" --cases "$cases" --password demo >/dev/null
    cp -a "$folder/service1/keys" "$folder/service2/keys"
fi

for n in 1 2; do
    "$server" serve --data-dir "$folder/service$n" --listen "127.0.0.1:$((port + n))" \
        --trusted-proxy 127.0.0.1 2>"$folder/service$n/serve.log" &
    pids="$pids $!"
done

CIVIC_LB_BIND="127.0.0.1:$port" CIVIC_SERVICE_1="127.0.0.1:$((port + 1))" \
    CIVIC_SERVICE_2="127.0.0.1:$((port + 2))" \
    haproxy -db -f deploy/haproxy.cfg 2>"$folder/haproxy.log" &
pids="$pids $!"

for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null ||
    { echo "The service did not answer; see $folder/*/serve.log" >&2; exit 1; }

cat <<EOF

The service answers at http://127.0.0.1:$port (HAProxy), served by two
processes (127.0.0.1:$((port + 1)) and :$((port + 2))) on PostgreSQL at $uri.
Sign in with a demo account, password "demo": examiner, approver, clerk,
supervisor, admin… Logs are in $folder. Ctrl-C stops everything.
EOF

if [ -n "$client" ]; then
    # The client's settings, cache and outbox in the folder: the try-out
    # leaves the desktop's own alone
    mkdir -p "$folder/client"
    XDG_CONFIG_HOME="$folder/client/config" XDG_DATA_HOME="$folder/client/data" \
    XDG_CACHE_HOME="$folder/client/cache" GSETTINGS_BACKEND=keyfile \
        meson devenv -C _build sh -c \
        "gsettings set io.github.civicdesk.CivicDesk service-url http://127.0.0.1:$port &&
         exec ./src/app/civicdesk" &
    pids="$pids $!"
fi

wait
