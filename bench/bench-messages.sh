#!/bin/sh
# The Messages section over 10 000 messages: a demo service with that many
# (and few cases), synced into the offline copy of the hall's dispatcher,
# who sees every one; then bench-messages, under Xvfb, reads them, shows
# each queue and searches, beside its references. Prints BENCH lines.
#
#   bench/bench-messages.sh BUILDDIR [MESSAGES]
set -eu

build=$1
count=${2:-10000}
server="$build/src/server/civicdesk-server"
probe="$build/tests/net/civic-sync-probe"
work=$(mktemp -d /tmp/civicdesk-bench-messages-XXXXXX)
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; rm -rf "$work"' EXIT

export CIVICDESK_NOW=2026-11-20T10:00:00+08:00
export XDG_DATA_HOME="$work/client"
mkdir -p "$XDG_DATA_HOME"
unset DBUS_SESSION_BUS_ADDRESS

start=$(date +%s.%N)
"$server" demo --data-dir "$work/data" --cases 50 --disclosures 0 --requests 0 \
    --messages "$count" --password bench-password > /dev/null 2>&1
end=$(date +%s.%N)
echo "BENCH server_demo_${count}_messages $(printf '%.1f' "$(echo "$end - $start" | bc)") s"

"$server" serve --data-dir "$work/data" --listen 127.0.0.1:0 --port-file "$work/port" --quiet \
    2> "$work/serve.log" &
pid=$!
for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"

start=$(date +%s.%N)
"$probe" "$base" dispatcher sync bench-password > "$work/sync.json"
end=$(date +%s.%N)
echo "BENCH messages_initial_sync $(printf '%.1f' "$(echo "$end - $start" | bc)") s"

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GDK_BACKEND=x11 \
    GSK_RENDERER=cairo CIVICDESK_CALENDAR_DIR="$(dirname "$0")/../data/calendars"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    "$build/bench/bench-messages" "$base" dispatcher 2>/dev/null
