#!/bin/sh
# The fault tests (tests/fault) with many torn power cuts at every sync
# point instead of CI's three: the service's commands and the client's
# cache and outbox, each cut with a different random subset of its
# unsynced writes landing. Prints one line:
#
#   fault-sweep: N trials (…) in S s: P passed, F failed
#
#   bench/fault-sweep.sh [SEEDS]     default 200 per sync point
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

seeds=${1:-200}
build=_build-bench
if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" -Dbuildtype=release > /dev/null
fi
meson compile -C "$build" tests/fault/test-fault-service tests/fault/test-fault-cache > /dev/null

log=$(mktemp)
trap 'rm -f "$log"' EXIT

export CIVICDESK_FAULT_SWEEP="$seeds"
export CIVICDESK_NOW=2026-03-20T10:00:00+08:00
export CIVICDESK_CALENDAR_DIR="$top/data/calendars"
export CIVICDESK_DEMO_DIR="$top/data/demo"
export GSETTINGS_BACKEND=memory
export G_DEBUG=gc-friendly,fatal-warnings
export LC_ALL=C.UTF-8

start=$(date +%s)
status=0
for program in service cache; do
    "$build/tests/fault/test-fault-$program" >> "$log" 2>&1 || status=1
done
end=$(date +%s)

# "# fault-trials /fault/service/comment/torn-power-cut 600 came-back 0"
awk -v seeds="$seeds" -v seconds=$((end - start)) -v status="$status" '
    $2 == "fault-trials" {
        n = split($3, path, "/"); kind = path[n]
        trials[kind] += $4; total += $4; back += $6
    }
    /^ok / { passed++ }
    /^not ok / || /^Bail out!/ { failed++ }
    END {
        if (status != 0 && failed == 0) failed = 1
        printf "fault-sweep: %d trials (%d torn power cuts, %d seeds a sync point; %d power cuts; " \
               "%d disk full; %d I/O errors; %d failed operations whole after all) in %d s: " \
               "%d passed, %d failed\n",
               total, trials["torn-power-cut"], seeds, trials["power-cut"], trials["disk-full"],
               trials["io-error"], back, seconds, passed, failed
    }' "$log"

if [ "$status" -ne 0 ]; then
    grep -E '^(not ok|Bail out!|\*\*)' "$log" >&2 || true
fi
exit "$status"
