#!/bin/sh
# test-public-a11y.sh — the public pages, in headless Chromium with axe-core
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts a small demo service on 127.0.0.1 and runs a11y.cjs against it
# (see there). axe-core and puppeteer-core come from the npm registry,
# pinned by package-lock.json, into a cache folder named by the lock's
# hash, so they are fetched once per machine. Without Chromium or Node.js
# the test is skipped (77), except in CI, where that is a failure.
#
# Environment: CIVICDESK_SERVER_BIN (the service); CIVICDESK_A11Y_SCREENSHOTS
# (a folder: every page is also saved there as a PNG).

set -eu

here=$(cd "$(dirname "$0")" && pwd)
server=${CIVICDESK_SERVER_BIN:?CIVICDESK_SERVER_BIN is not set}

missing=""
command -v node >/dev/null 2>&1 || missing="Node.js"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -x /usr/lib/chromium/chromium ] || [ -x /usr/bin/chromium ] || missing="$missing Chromium"
if [ -n "$missing" ]; then
    if [ "${CI:-}" = "true" ]; then
        echo "not ok 1 needs$missing (build-aux/install-deps.sh installs them)"
        echo "1..1"
        exit 1
    fi
    echo "1..0 # SKIP needs$missing"
    exit 77
fi

hash=$(sha256sum "$here/package-lock.json" | cut -c1-16)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/civicdesk/a11y-$hash"
if [ ! -f "$cache/node_modules/.civicdesk-ready" ]; then
    rm -rf "$cache"
    mkdir -p "$cache"
    cp "$here/package.json" "$here/package-lock.json" "$cache/"
    (cd "$cache" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
    touch "$cache/node_modules/.civicdesk-ready"
fi

work=$(mktemp -d)
pid=""
cleanup () {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$server" demo --data-dir "$work/data" --cases 20 --requests 10 --messages 0 --seed 3 --password demo-password \
    > "$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; exit 1; }
"$server" serve --data-dir "$work/data" --listen 127.0.0.1:0 --port-file "$work/port" --quiet \
    2> "$work/serve.log" &
pid=$!

for i in $(seq 1 100); do
    [ -s "$work/port" ] && break
    sleep 0.1
done
if [ ! -s "$work/port" ]; then
    cat "$work/serve.log" >&2
    exit 1
fi

shots=${CIVICDESK_A11Y_SCREENSHOTS:-}
[ -n "$shots" ] && mkdir -p "$shots"
NODE_PATH="$cache/node_modules" node "$here/a11y.cjs" "http://127.0.0.1:$(cat "$work/port")" $shots
