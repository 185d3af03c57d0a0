#!/bin/sh
# Builds Civic Desk and runs the demo: a service with generated data on
# 127.0.0.1:8080, until Ctrl+C.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build-aux/install-deps.sh

if [ ! -f _build/build.ninja ]; then
    meson setup _build
fi
meson compile -C _build

data="${XDG_DATA_HOME:-$HOME/.local/share}/civicdesk-demo"
if [ ! -f "$data/civicdesk.db" ]; then
    _build/src/server/civicdesk-server demo --data-dir "$data" --cases 2000 --password demo
fi

echo "Serving the demo on http://127.0.0.1:8080 (Ctrl+C stops it)"
exec _build/src/server/civicdesk-server serve --data-dir "$data" --listen 127.0.0.1:8080
