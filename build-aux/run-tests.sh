#!/bin/sh
# Builds Civic Desk and runs every test, under a virtual display and its own
# D-Bus session, as CI does. With --sanitize, in an AddressSanitizer and
# UndefinedBehaviorSanitizer build of its own, made with clang so that the
# libFuzzer targets of tests/fuzz run too (the suite "fuzz").
#
#   build-aux/run-tests.sh [--sanitize] [meson test arguments…]
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

builddir=_build
setup_args="-Dwerror=true"
if [ "${1:-}" = "--sanitize" ]; then
    shift
    builddir=_build-sanitize
    export CC=clang
    setup_args="$setup_args -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug"
    # intercept_tls_get_addr=0: LeakSanitizer of GCC 12 crashes on the
    # thread-local storage of dlopened modules (the GIO TLS backend) with
    # glibc 2.36 (google/sanitizers#1409).
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_odr_violation=0:intercept_tls_get_addr=0"
    export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    export GDK_DEBUG=gl-disable
fi

build-aux/install-deps.sh

# A build folder keeps the compiler it was made with: one made with another
# (the sanitizer build was GCC's before the fuzz targets came) is made anew.
if [ "$builddir" = _build-sanitize ] && [ -f "$builddir/build.ninja" ] &&
   ! grep -q "^ *command = $CC " "$builddir/build.ninja"; then
    rm -rf "$builddir"
fi
if [ ! -f "$builddir/build.ninja" ]; then
    # shellcheck disable=SC2086
    meson setup "$builddir" $setup_args
fi
meson compile -C "$builddir"

export GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=0
status=0
logs="$builddir/meson-logs/testlog.json"

# The end-to-end run spends most of its minutes waiting for the window:
# on a whole run it goes beside the others, on a display and a session
# bus of its own, so that no other test's window takes its clicks.
e2e_pid=
if [ $# -eq 0 ]; then
    rm -f "$builddir/meson-logs/e2e.json"
    xvfb-run -a -s "-screen 0 1280x800x24" \
        dbus-run-session -- build-aux/test-session.sh \
        meson test -C "$builddir" --no-rebuild --print-errorlogs --suite e2e --logbase e2e \
        > "$builddir/meson-logs/e2e-output.txt" 2>&1 &
    e2e_pid=$!
    logs="$logs $builddir/meson-logs/e2e.json"
    set -- --no-suite e2e
    # xvfb-run -a takes the first display without a lock: let that
    # server make its lock before the second looks
    sleep 5
fi

# The display first: the accessibility bus that D-Bus starts must know it
# to deliver the end-to-end tests' clicks.
xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- build-aux/test-session.sh \
    meson test -C "$builddir" --no-rebuild --print-errorlogs --num-processes 2 "$@" || status=$?

if [ -n "$e2e_pid" ]; then
    wait "$e2e_pid" || status=$?
    cat "$builddir/meson-logs/e2e-output.txt"
fi

# shellcheck disable=SC2086
python3 build-aux/testlog-summary.py $logs || status=1
exit "$status"
