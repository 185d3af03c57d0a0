#!/bin/sh
# The faults of issue 17 at length: three clients send commands through
# HAProxy to two service processes on one PostgreSQL database while, ROUNDS
# times over, each process is killed with -9 and started again and
# PostgreSQL is restarted. Every client sends again what it did not hear
# answered, as the outbox does; in the end every command must be on its
# case once, the feed read whole and the audit chain verify
# (/scale-out/faults in tests/server/test-scale-out.c, which CI runs for
# one round). Prints BENCH lines; fails if the test fails.
#
#   bench/bench-faults.sh [ROUNDS [PAUSE_MS]]     20 rounds, 400 ms apart
#
# BUILDDIR (_build-bench) is built first, as bench/run.sh does.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build=${BUILDDIR:-_build-bench}
rounds=${1:-20}
pause=${2:-400}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" -Dbuildtype=release
fi
if ! meson compile -C "$build" tests/server/test-scale-out src/server/civicdesk-server \
        > "$out" 2>&1; then
    cat "$out" >&2
    exit 1
fi

# The environment the meson test gives it (tests/server/meson.build)
export GSETTINGS_BACKEND=memory G_DEBUG=gc-friendly,fatal-warnings LC_ALL=C.UTF-8
export CIVICDESK_CALENDAR_DIR="$top/data/calendars" CIVICDESK_DEMO_DIR="$top/data/demo"
export CIVICDESK_MESSAGE_CLOCKS_DIR="$top/data/message-clocks"
export CIVICDESK_TEMPLATE_DIR="$top/data/templates" CIVICDESK_TEST_DATA="$top/tests/data"
export CIVICDESK_SERVER_BIN="$top/$build/src/server/civicdesk-server"
export CIVICDESK_LOCALEDIR="$top/$build/po"
export CIVICDESK_PG_CLUSTER="$top/build-aux/pg-cluster.sh"
export CIVICDESK_HAPROXY_CFG="$top/deploy/haproxy.cfg"
export CIVICDESK_TEST_POSTGRESQL=1
export CIVICDESK_FAULT_ROUNDS="$rounds" CIVICDESK_FAULT_PAUSE_MS="$pause"

echo "faults: $rounds rounds, $pause ms apart" >&2
status=0
start=$(date +%s)
"$build/tests/server/test-scale-out" -p /scale-out/faults > "$out" 2>&1 || status=$?
end=$(date +%s)

if [ "$status" -ne 0 ] || ! grep -q '^ok 1 ' "$out"; then
    grep -v -e "GLib-GIO-DEBUG" "$out" | tail -n 40 >&2
    echo "faults: FAILED" >&2
    exit 1
fi
sed -n 's/^# BENCH /BENCH /p' "$out"
echo "BENCH faults_duration $((end - start)) s"
