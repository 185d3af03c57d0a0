#!/bin/sh
# Runs every benchmark on an optimised build and prints a table.
#
#   bench/run.sh [CASES]
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build-aux/install-deps.sh
if [ ! -f _build-bench/build.ninja ]; then
    meson setup _build-bench -Dbuildtype=release
fi
meson compile -C _build-bench

cases=${1:-100000}
out=$(mktemp)
data=$(mktemp -d /tmp/civicdesk-bench-data-XXXXXX)
trap 'rm -rf "$out" "$data"' EXIT

# The reference data (DESIGN.md), made once for every benchmark.
export CIVICDESK_NOW=2026-11-20T10:00:00+08:00
start=$(date +%s.%N)
_build-bench/src/server/civicdesk-server demo --data-dir "$data" --cases "$cases" \
    --password bench-password > /dev/null 2>&1
end=$(date +%s.%N)
{
    echo "BENCH server_demo_${cases}_cases $(printf '%.1f' "$(echo "$end - $start" | bc)") s"
    echo "BENCH server_database_size $(( $(stat -c %s "$data/civicdesk.db") / 1048576 )) MiB"
} | tee "$out"

client_home=$(mktemp -d /tmp/civicdesk-bench-home-XXXXXX)
trap 'rm -rf "$out" "$data" "$client_home"' EXIT
bench/bench-sync.sh _build-bench "$data" "$client_home" | tee -a "$out"
bench/bench-client.sh _build-bench "$client_home" | tee -a "$out"
bench/bench-server.sh _build-bench "$data" | tee -a "$out"
CIVICDESK_TEMPLATE_DIR="$top/data/templates" CIVICDESK_CALENDAR_DIR="$top/data/calendars" \
    _build-bench/bench/bench-documents | tee -a "$out"
GDK_BACKEND=x11 GSK_RENDERER=cairo CIVICDESK_CALENDAR_DIR="$top/data/calendars" \
    xvfb-run -a -s "-screen 0 1280x800x24" _build-bench/bench/bench-hearings 2>/dev/null \
    | tee -a "$out"
# The disclosures: the lint while typing (Xvfb), publication to the Atom
# feed, the public directory under wrk; each on data of its own
GDK_BACKEND=x11 GSK_RENDERER=cairo \
    xvfb-run -a -s "-screen 0 1280x800x24" _build-bench/bench/bench-disclosure-editor 2>/dev/null \
    | tee -a "$out"
bench/bench-publish.sh _build-bench | tee -a "$out"
bench/bench-public.sh _build-bench | tee -a "$out"
# Citizens' messages through Open311: filing, the list and one request
bench/bench-open311.sh _build-bench | tee -a "$out"
# The Messages section's queues and search over 10 000 messages
bench/bench-messages.sh _build-bench 10000 | tee -a "$out"
# kill -9 under load (issue 9), on a small data set of its own: about
# three minutes. A failure says so on stderr, with the seed to replay.
bench/chaos.sh | grep '^BENCH ' | tee -a "$out"
# A province (issue 17): SQLite, PostgreSQL with one process and with two
# behind HAProxy, on the same cases; the move to PostgreSQL; and the
# faults through HAProxy at length
bench/bench-scale.sh _build-bench "$cases" 10 | tee -a "$out"
# E-supervision (issue 18): what the figures cost a save; the overview with
# the reference data and with three million records, SQLite and PostgreSQL
bench/bench-supervision.sh _build-bench "$data" 3000000 | tee -a "$out"
bench/bench-faults.sh 20 | tee -a "$out"
# How the client grows (issue 19): sync, search, start and memory at a
# tenth of the reference data, at it, and at three times it
bench/growth.sh _build-bench $((cases / 10)) "$cases" $((cases * 3)) | tee -a "$out"

echo
printf '%-40s %14s  %s\n' benchmark value unit
awk '$1 == "BENCH" { printf "%-40s %14s  %s\n", $2, $3, $4 }' "$out"
