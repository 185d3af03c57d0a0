#!/bin/sh
# Runs every libFuzzer target of tests/fuzz for a long time, one per core,
# in a clang AddressSanitizer/UndefinedBehaviorSanitizer build of its own,
# and prints what each did: executions, coverage, crashes.
#
#   bench/fuzz.sh [SECONDS_PER_TARGET [TARGET…]]     (default 600 s, all)
#
# The working corpus of each target grows in $CIVICDESK_FUZZ_DIR
# (default ~/.cache/civicdesk-fuzz/<target>/corpus), from one run to the
# next; what crashed is kept beside it as crash-…, leak-…, timeout-… or
# oom-…, with the log. To replay one: _build-fuzz/tests/fuzz/fuzz-json FILE.
# An input worth keeping goes to tests/fuzz/corpus/<target>/ by hand.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

seconds=${1:-600}
if [ $# -gt 0 ]; then shift; fi
builddir=_build-fuzz
work=${CIVICDESK_FUZZ_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/civicdesk-fuzz}

command -v clang >/dev/null || { echo "bench/fuzz.sh needs clang (apt-get install clang)" >&2; exit 1; }
build-aux/install-deps.sh
# Optimised, unlike CI's sanitizer build: more executions per second.
if [ ! -f "$builddir/build.ninja" ]; then
    CC=clang meson setup "$builddir" -Db_sanitize=address,undefined -Db_lundef=false \
        -Dbuildtype=debugoptimized
fi
meson compile -C "$builddir" >/dev/null

if [ $# -gt 0 ]; then
    targets=$*
else
    targets=
    for file in tests/fuzz/fuzz-*.c; do
        name=${file#tests/fuzz/fuzz-}
        targets="$targets ${name%.c}"
    done
fi
for target in $targets; do
    [ -x "$builddir/tests/fuzz/fuzz-$target" ] ||
        { echo "no fuzz target $target in $builddir (is it clang?)" >&2; exit 1; }
done

# As CI's sanitizer run (build-aux/run-tests.sh --sanitize).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_odr_violation=0:intercept_tls_get_addr=0"
export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory
export CIVICDESK_CALENDAR_DIR="$top/data/calendars" CIVICDESK_DEMO_DIR="$top/data/demo"

run_one () {
    target=$1
    dir="$work/$target"
    mkdir -p "$dir/corpus"
    set -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$dir/"
    [ -f "tests/fuzz/$target.dict" ] && set -- "$@" -dict="tests/fuzz/$target.dict"
    echo "fuzz-$target: $seconds s" >&2
    "$builddir/tests/fuzz/fuzz-$target" "$@" "$dir/corpus" "tests/fuzz/corpus/$target" \
        > "$dir/log" 2>&1 || echo "fuzz-$target stopped: see $dir/log" >&2
}

# Crashes of this run only: the older ones stay, and are not counted again.
stamp=$(mktemp)
out=$(mktemp)
trap 'rm -f "$stamp" "$out"' EXIT

# One target per core, as many at once as there are cores.
cores=$(nproc)
# shellcheck disable=SC2086 # one word per target
set -- $targets
while [ $# -gt 0 ]; do
    running=0
    while [ $# -gt 0 ] && [ "$running" -lt "$cores" ]; do
        run_one "$1" &
        shift
        running=$((running + 1))
    done
    wait
done

total=0
for target in $targets; do
    dir="$work/$target"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
    done_line=$(grep -a -E '^#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse|INITED)' "$dir/log" | tail -n 1)
    cov=$(printf '%s\n' "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$done_line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    crashes=$(find "$dir" -maxdepth 1 -newer "$stamp" \
                  \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) |
              wc -l)
    total=$((total + ${execs:-0}))
    {
        echo "BENCH fuzz_${target}_executions ${execs:-0} execs"
        echo "BENCH fuzz_${target}_coverage ${cov:-0} edges"
        echo "BENCH fuzz_${target}_features ${ft:-0} features"
        echo "BENCH fuzz_${target}_crashes $crashes crashes"
    } >> "$out"
done
echo "BENCH fuzz_executions $total execs" >> "$out"
cat "$out"

echo
printf '%-40s %14s  %s\n' benchmark value unit
awk '$1 == "BENCH" { printf "%-40s %14s  %s\n", $2, $3, $4 }' "$out"

! grep -q -E '^BENCH fuzz_.*_crashes [1-9]' "$out"
