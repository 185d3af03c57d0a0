#!/bin/sh
# How the client's costs grow with the data: the reference data made at
# each size, the examiner's first sync into an empty cache, the inbox's
# search, the start to the first rows and the memory, printed as a table
# with a column per size and GROWTH lines for bench/run.sh. Start and
# search should stay flat as the data grows tenfold; the sync rate should
# not fall.
#
#   bench/growth.sh BUILDDIR [CASES...]      (default: 10000 100000 300000)
#
# 300 000 cases take about ten minutes to make and 1.3 GB per 100 000.
set -eu

build=$1
shift
sizes=${*:-10000 100000 300000}
work=$(mktemp -d /tmp/civicdesk-bench-growth-XXXXXX)
trap 'rm -rf "$work"' EXIT

export CIVICDESK_NOW=2026-11-20T10:00:00+08:00

for cases in $sizes; do
    data="$work/data-$cases"
    home="$work/home-$cases"
    mkdir -p "$home"
    "$build/src/server/civicdesk-server" demo --data-dir "$data" --cases "$cases" \
        --password bench-password > /dev/null 2>&1
    bench/bench-sync.sh "$build" "$data" "$home" > "$work/sync-$cases"
    bench/bench-client.sh "$build" "$home" > "$work/client-$cases"
    rm -rf "$data"
    cat "$work/sync-$cases" "$work/client-$cases" |
        awk -v n="$cases" '$1 == "BENCH" { print n, $2, $3, $4 }' >> "$work/all"
    rm -rf "$home"
done

# One row per measure, one column per size; then each measure's ratio of
# the largest size to the smallest, the growth the issue asks to be flat.
python3 - "$work/all" $sizes <<'PY'
import sys

path, sizes = sys.argv[1], sys.argv[2:]
rows = {
    "client_initial_sync_cases": "cases synced (examiner)",
    "client_initial_sync_rate": "initial sync, cases/s",
    "client_initial_sync_change_rate": "initial sync, records/s",
    "client_initial_sync_vs_naive": "initial sync / naive program",
    "client_search_p95": "search p95, ms",
    "client_search_short_p95": "search of 1-2 characters p95, ms",
    "client_first_rows": "first rows, ms",
    "client_first_rows_vs_bare_window": "first rows / bare window",
    "client_rss_after_sections": "memory after every section, MiB",
    "client_rss_after_sections_without_gl": "the same without llvmpipe, MiB",
}
values = {}
for line in open(path):
    n, name, value, unit = (line.split() + [""])[:4]
    values[(n, name)] = value

print("%-36s" % "growth" + "".join("%12s" % s for s in sizes))
for name, label in rows.items():
    print("%-36s" % label + "".join("%12s" % values.get((s, name), "-") for s in sizes))
print()
for name in rows:
    first, last = values.get((sizes[0], name)), values.get((sizes[-1], name))
    try:
        print("BENCH growth_%s_%sx %.2f x" % (name, int(sizes[-1]) // int(sizes[0]),
                                              float(last) / float(first)))
    except (TypeError, ValueError, ZeroDivisionError):
        pass
PY
