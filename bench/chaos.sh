#!/bin/sh
# The kill -9 test at length (issue 9): the service and four officials'
# clients killed with -9 at random moments, CYCLES times, under a steady
# load of offline and online actions; then nothing lost, nothing doubled,
# and a gapless feed (tests/chaos/test-chaos.c says what is checked).
# Prints BENCH lines and a table; fails if the test fails, with the seed
# that replays it.
#
#   bench/chaos.sh [CYCLES [SEED]]        100 cycles and a random seed
#
# BUILDDIR (_build-bench) is built first, as bench/run.sh does.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build=${BUILDDIR:-_build-bench}
cycles=${1:-100}
seed=${2:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
# The test takes a seed of 1 or more; 0 would mean "choose one".
[ "$seed" -gt 0 ] || seed=1

out=$(mktemp)
trap 'rm -f "$out"' EXIT

if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" -Dbuildtype=release
fi
# Quiet unless it fails: ninja writes its errors on stdout.
if ! meson compile -C "$build" tests/chaos/test-chaos tests/chaos/civic-chaos-client \
        src/server/civicdesk-server > "$out" 2>&1; then
    cat "$out" >&2
    exit 1
fi

# The environment the meson test gives it (tests/chaos/meson.build).
export GSETTINGS_BACKEND=memory G_DEBUG=gc-friendly,fatal-warnings LC_ALL=C.UTF-8
export CIVICDESK_CALENDAR_DIR="$top/data/calendars" CIVICDESK_DEMO_DIR="$top/data/demo"
export CIVICDESK_SERVER_BIN="$top/$build/src/server/civicdesk-server"
export CIVICDESK_CHAOS_CLIENT="$top/$build/tests/chaos/civic-chaos-client"

echo "chaos: $cycles cycles, seed $seed"
status=0
"$build/tests/chaos/test-chaos" --cycles="$cycles" --chaos-seed="$seed" > "$out" 2>&1 || status=$?

sed -n 's/^# BENCH /BENCH /p' "$out"
if [ "$status" -ne 0 ] || ! grep -q '^ok 1 ' "$out"; then
    grep -v -e 'GLib-GIO-DEBUG' -e '^# BENCH ' "$out" | tail -n 40 >&2
    echo "chaos: FAILED; replay with bench/chaos.sh $cycles $seed" >&2
    exit 1
fi

echo
printf '%-40s %14s  %s\n' benchmark value unit
awk '$2 == "BENCH" { printf "%-40s %14s  %s\n", $3, $4, $5 }' "$out"
