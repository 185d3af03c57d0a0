#!/bin/sh
# Takes the screenshots under docs/screenshots/ in English and Chinese,
# from the real client in demo mode under a virtual 1280×800 display.
#
#   build-aux/take-screenshots.sh [BUILDDIR [SCREEN...]]
#
# With SCREEN names (welcome, examiner, unsent, filters, reveal, refused,
# approver, conflict, dark, narrow), only those are taken again.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$top/_build}" && pwd)
[ $# -gt 0 ] && shift

meson compile -C "$builddir" >/dev/null

for lang in en_US.UTF-8 zh_CN.UTF-8; do
    CIVICDESK_E2E_LANG=$lang \
    CIVICDESK_SCREENSHOTS_DIR="$top/docs/screenshots" \
    CIVICDESK_CLIENT="$builddir/src/app/civicdesk" \
    CIVICDESK_NOW=2026-03-20T10:00:00+08:00 \
    GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=0 \
        xvfb-run -a -s "-screen 0 1280x800x24" \
        dbus-run-session -- "$top/build-aux/test-session.sh" \
        meson devenv -C "$builddir" /usr/bin/python3 "$top/build-aux/take-screenshots.py" "$@"
done
