#!/bin/sh
# The public directory under load: wrk with 64 connections on a page of
# the JSON directory, on a search (规划) and on the HTML directory, and
# on the service guide's search (许可, page 2), an item's guide in JSON
# and its page (docs/plans/catalogue.md, Benchmarks), each
# against bench-public-bare, a bare SoupServer answering the same paths
# with the same bytes captured from the service, with the same settings.
# A demo service of its own with 500 published disclosures. Prints BENCH
# lines; about a minute.
#
#   bench/bench-public.sh BUILDDIR [SECONDS]
set -eu

build=$1
seconds=${2:-8}
server="$build/src/server/civicdesk-server"
bare="$build/bench/bench-public-bare"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/civicdesk-bench-public-XXXXXX)
pid=
bare_pid=
trap 'for p in $pid $bare_pid; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

export CIVICDESK_NOW=2026-11-20T10:00:00+08:00

if "$server" demo --help 2>&1 | grep -q -- '--disclosures'; then
    "$server" demo --data-dir "$work/data" --cases 10 --disclosures 500 --messages 600 \
        --password bench-password > /dev/null 2>&1
    publish=false
else
    "$server" demo --data-dir "$work/data" --cases 10 --password bench-password > /dev/null 2>&1
    publish=true
fi

# No limit on the public reads: wrk comes from one address
"$server" serve --data-dir "$work/data" --listen 127.0.0.1:0 --port-file "$work/port" --quiet \
    --public-read-rate=0 2> "$work/serve.log" &
pid=$!
for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"
if $publish; then
    "$here/publish-disclosures.py" "$base" bench-password 500
fi

# name, path: the same for the service and the reference
set -- \
    public_directory_page_3 '/public/v1/disclosures?page=3' \
    public_directory_search '/public/v1/disclosures?q=%E8%A7%84%E5%88%92' \
    public_directory_html '/public/disclosures' \
    public_guide_search '/public/v1/items?q=%E8%AE%B8%E5%8F%AF&page=2' \
    public_guide_item '/public/v1/items/430000-SCJG-XK-0001' \
    public_guide_html '/public/items/430000-SCJG-XK-0001'

# The reference serves what the service answered, byte for byte
i=0
bare_args=
while [ $# -gt 0 ]; do
    i=$((i + 1))
    type=$(curl -sf -o "$work/body-$i" -w '%{content_type}' "$base$2")
    [ -s "$work/body-$i" ] || { echo "bench-public: $2 answered nothing" >&2; exit 1; }
    bare_args="$bare_args $2 $work/body-$i $(echo "$type" | tr -d ' ')"
    echo "$1 $2" >> "$work/paths"
    shift 2
done
# shellcheck disable=SC2086 # the paths and files have no spaces
"$bare" "$work/bare-port" $bare_args &
bare_pid=$!
for _ in $(seq 1 100); do [ -s "$work/bare-port" ] && break; sleep 0.1; done
bare_base="http://127.0.0.1:$(cat "$work/bare-port")"

rps () {
    wrk -t2 -c64 -d"${seconds}s" "$1" > "$work/wrk.log"
    if grep -q 'Non-2xx' "$work/wrk.log"; then
        echo "bench-public: $1 answered errors" >&2
        cat "$work/wrk.log" >&2
        exit 1
    fi
    awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.log"
}

while read -r name path; do
    service_rps=$(rps "$base$path")
    bare_rps=$(rps "$bare_base$path")
    echo "BENCH ${name} $service_rps req/s"
    echo "BENCH ${name}_reference $bare_rps req/s"
    echo "BENCH ${name}_ratio $(echo "scale=2; $service_rps / $bare_rps" | bc | sed 's/^\./0./') x"
done < "$work/paths"
