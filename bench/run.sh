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

out=$(mktemp)
trap 'rm -f "$out"' EXIT
bench/bench-server.sh _build-bench "${1:-100000}" | tee "$out"

echo
printf '%-40s %14s  %s\n' benchmark value unit
awk '$1 == "BENCH" { printf "%-40s %14s  %s\n", $2, $3, $4 }' "$out"
