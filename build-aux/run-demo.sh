#!/bin/sh
# Builds Civic Desk and runs it in demo mode: the client starts the bundled
# civicdesk-server with generated cases on a free loopback port, signs in
# as a demo examiner (the menu switches roles), and stops the service when
# it quits.
#
#   build-aux/run-demo.sh [civicdesk arguments, e.g. --demo-role=approver]
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build-aux/install-deps.sh

if [ ! -f _build/build.ninja ]; then
    meson setup _build
fi
meson compile -C _build

# Without a desktop (a fresh server, a CI machine), the virtual one.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display: running under Xvfb (a screenshot is the way to see it)." >&2
    exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        meson devenv -C _build ./src/app/civicdesk --demo "$@"
fi

exec meson devenv -C _build ./src/app/civicdesk --demo "$@"
